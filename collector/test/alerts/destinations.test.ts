import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { createChannel } from '../../src/alerts/channel-store';
import { destinationProblems } from '../../src/alerts/channel-form';
import { classifyAddress, type Resolver } from '../../src/alerts/channels/destination';
import { createAlertHook } from '../../src/alerts/hook';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import type { Database } from '../../src/db/database';
import { asBrowser, openTestDatabase, signIn, startTestCollector, type TestCollector } from '../harness';
import { makeAnswer, storeAnswer } from './answers';
import { startFakeHttp, type FakeHttp } from './fakes/fake-http';
import { migrate } from '../../src/db/migrate';

const whsec = `whsec_${Buffer.from('a-32-byte-signing-key-for-tests!').toString('base64')}`;

/** The owner's JSON request to the alerts API, in `lang`. */
function api(collector: TestCollector, cookie: string, method: string, path: string, body: unknown, lang: 'en' | 'th' = 'en') {
  return collector.request(path, {
    method,
    headers: asBrowser(collector, cookie, { 'content-type': 'application/json', 'accept-language': lang }),
    body: JSON.stringify(body),
  });
}

describe('alert destinations may not reach inside the network', { timeout: 60_000 }, () => {
  let collector: TestCollector;
  let owner: string;
  let receiver: FakeHttp;

  beforeAll(async () => {
    receiver = await startFakeHttp();
    collector = await startTestCollector({ config: { timezone: 'Asia/Bangkok' } });
    owner = await signIn(collector);
  }, 60_000);
  afterAll(async () => {
    await collector?.close();
    await receiver?.close();
  });

  it('refuses loopback, private, metadata and mapped addresses when saving, naming the field in English and Thai', async () => {
    const tries = [
      { kind: 'slack', field: 'webhookUrl', value: `${receiver.url}/services/T0/B0/X`, why: /inside this network/ },
      { kind: 'discord', field: 'webhookUrl', value: 'http://[::1]:8080/api/webhooks/1/x', why: /inside this network/ },
      { kind: 'webhook', field: 'url', value: 'http://169.254.169.254/latest/meta-data/', why: /cloud metadata address/ },
      { kind: 'webhook', field: 'url', value: 'http://[::ffff:10.0.0.7]/hook', why: /inside this network/ },
      { kind: 'webhook', field: 'url', value: 'http://metadata.google.internal/computeMetadata/v1/', why: /cloud metadata address/ },
      { kind: 'webhook', field: 'url', value: 'http://100.64.3.4/hook', why: /inside this network/ },
      { kind: 'email', field: 'host', value: '192.168.1.10', why: /inside this network/ },
    ];
    for (const { kind, field, value, why } of tries) {
      const extra = kind === 'email'
        ? { port: 587, security: 'starttls', from: 'alerts@shop.example', to: 'owner@shop.example' }
        : kind === 'webhook' ? { secret: whsec } : {};
      const response = await api(collector, owner, 'POST', '/api/alerts/channels', { kind, name: `${kind} inside`, locale: 'en', [field]: value, ...extra });
      expect(response.status, `${kind} ${value}`).toBe(400);
      const { problems } = (await response.json()) as { problems: string[] };
      expect(problems, `${kind} ${value}`).toEqual([expect.stringMatching(new RegExp(`^${field}: .*is not allowed: .*${why.source}`))]);
    }
    const thai = await api(collector, owner, 'POST', '/api/alerts/channels', { kind: 'slack', name: 'x', locale: 'th', webhookUrl: 'http://127.0.0.1:9/x' }, 'th');
    expect(((await thai.json()) as { problems: string[] }).problems[0]).toMatch(/^webhookUrl: 127\.0\.0\.1 ไม่ได้รับอนุญาต: เป็นที่อยู่ภายในเครือข่ายนี้/);
    // The form says so next to the field too, and nothing was saved.
    const form = await collector.request('/alerts/channels', {
      method: 'POST',
      headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'th' }),
      body: new URLSearchParams({ kind: 'webhook', name: 'Metadata', locale: 'th', url: 'http://169.254.169.254/', secret: whsec }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('169.254.169.254 ไม่ได้รับอนุญาต: เป็นที่อยู่ metadata ของคลาวด์');
    const { channels } = (await (await collector.request('/api/alerts', { headers: asBrowser(collector, owner) })).json()) as { channels: unknown[] };
    expect(channels).toEqual([]);
    expect(receiver.requests).toEqual([]);
  });

  it('with HEARBACK_ALLOW_PRIVATE_DESTINATIONS=1 a shop\'s own network is allowed, link-local and metadata never', async () => {
    const lan = { allowPrivate: true };
    expect(await destinationProblems('webhook', { url: `${receiver.url}/hook` }, lan)).toEqual([]);
    expect(await destinationProblems('email', { host: 'fd12::25' }, lan)).toEqual([]);
    for (const url of ['http://169.254.169.254/', 'http://[fe80::1]/', 'http://[fd00:ec2::254]/', 'http://100.100.100.200/', 'http://[::ffff:169.254.169.254]/']) {
      const [problem] = await destinationProblems('webhook', { url }, lan);
      expect(problem?.message.en, url).toMatch(/never allowed/);
    }
    // The classification behind it (ipaddr.js): public addresses pass.
    expect(['8.8.8.8', '2606:4700:4700::1111'].map(classifyAddress)).toEqual(['public', 'public']);
    expect(['0.0.0.0', '::', '172.16.0.1', 'fc00::1', '::ffff:127.0.0.1'].map(classifyAddress)).toEqual(['private', 'private', 'private', 'private', 'private']);
    expect(['224.0.0.1', '255.255.255.255'].map(classifyAddress)).toEqual(['reserved', 'reserved']);
  });
});

describe('a name that resolves inside the network when the alert is sent is refused (no DNS rebinding)', { timeout: 60_000 }, () => {
  let db: Database;
  let receiver: FakeHttp;

  beforeAll(async () => {
    receiver = await startFakeHttp();
    db = await openTestDatabase();
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await receiver?.close();
  });

  it('checks the address on save and again on send, and connects to exactly the address it checked', async () => {
    const port = new URL(receiver.url).port;
    const answers: Record<string, LookupAddress[]> = {
      // Looks public when saved, then points at this machine: the fake receiver.
      'hooks.rebind.test': [{ address: '93.184.215.14', family: 4 }],
      'hooks.lan.test': [{ address: '127.0.0.1', family: 4 }],
    };
    const resolve: Resolver = async (host) => answers[host] ?? [];
    const strict = { allowPrivate: false, resolve };
    expect(await destinationProblems('webhook', { url: `http://hooks.rebind.test:${port}/hook` }, strict)).toEqual([]);
    const rebind = await createChannel(db, { name: 'Rebind', kind: 'webhook', locale: 'th', config: { url: `http://hooks.rebind.test:${port}/hook`, secret: whsec }, quiet: null, digestHour: null });
    const lan = await createChannel(db, { name: 'LAN', kind: 'webhook', locale: 'en', config: { url: `http://hooks.lan.test:${port}/lan`, secret: whsec }, quiet: null, digestHour: null });
    answers['hooks.rebind.test'] = [{ address: '127.0.0.1', family: 4 }];
    await createRule(db, { name: 'Unhappy', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [rebind] });
    const clock = new Date('2026-11-30T05:00:00Z');
    await storeAnswer(db, makeAnswer(), createAlertHook({ timeZone: 'Asia/Bangkok', now: () => clock }));
    const logged: string[] = [];
    const worker = createAlertWorker({ db, send: { lineApiUrl: 'http://127.0.0.1:9', destinations: strict }, publicUrl: 'https://shop.example', timeZone: 'Asia/Bangkok', now: () => clock, log: (line) => logged.push(line) });
    expect(await worker.tick()).toBe(1);
    expect(receiver.requests).toEqual([]);
    const { rows } = await db.query<{ status: string; last_error: string }>('SELECT status, last_error FROM alert_deliveries');
    expect(rows).toEqual([{ status: 'failed', last_error: JSON.stringify({ code: 'refused', host: `hooks.rebind.test:${port}`, why: 'private' }) }]);
    expect(logged.join('\n')).toMatch(/hooks\.rebind\.test:\d+ is not allowed as an alert destination \(private\)/);

    // Allowed: the request goes to the checked address, with the channel's own name as Host.
    await createRule(db, { name: 'LAN', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [lan] });
    await storeAnswer(db, makeAnswer(), createAlertHook({ timeZone: 'Asia/Bangkok', now: () => clock }));
    const allowing = createAlertWorker({ db, send: { lineApiUrl: 'http://127.0.0.1:9', destinations: { allowPrivate: true, resolve } }, publicUrl: 'https://shop.example', timeZone: 'Asia/Bangkok', now: () => clock, log: () => {} });
    expect(await allowing.tick()).toBeGreaterThanOrEqual(1);
    expect(receiver.requests.map((request) => [request.path, request.headers.host])).toContainEqual(['/lan', `hooks.lan.test:${port}`]);
  });
});

describe('"send a test" and delivery reports: status and a short reason, never the far side\'s reply', { timeout: 60_000 }, () => {
  let collector: TestCollector;
  let owner: string;
  let receiver: FakeHttp;
  const page = '<!doctype html><html><body><h1>Internal admin console</h1><p>db password: hunter2</p></body></html>';

  beforeAll(async () => {
    receiver = await startFakeHttp((_request, response) => response.writeHead(500, { 'content-type': 'text/html' }).end(page));
    collector = await startTestCollector({ config: { timezone: 'Asia/Bangkok', allowPrivateDestinations: true } });
    owner = await signIn(collector);
  }, 60_000);
  afterAll(async () => {
    await collector?.close();
    await receiver?.close();
  });

  it('a receiver answering with an HTML page: the owner reads the status and our reason in Thai, none of the page', async () => {
    const created = await api(collector, owner, 'POST', '/api/alerts/channels', { kind: 'slack', name: 'Shop Slack', locale: 'th', webhookUrl: `${receiver.url}/services/T0/B0/X` });
    expect(created.status).toBe(201);
    const { channel } = (await created.json()) as { channel: { id: string } };
    const shown = await collector.request(`/alerts/channels/${channel.id}/test`, {
      method: 'POST',
      headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'th' }),
    });
    const text = await shown.text();
    expect(text).toContain(`ส่งการแจ้งเตือนทดสอบไปที่ &quot;Shop Slack&quot; ไม่สำเร็จ: ${new URL(receiver.url).host} ตอบกลับ 500 (ปลายทางมีปัญหา จะลองใหม่ภายหลัง)`);
    expect(text).not.toMatch(/Internal admin console|hunter2|&lt;h1|<h1>Internal/);
    expect(receiver.requests).toHaveLength(1);

    const json = await api(collector, owner, 'POST', `/api/alerts/channels/${channel.id}/test`, {});
    const result = (await json.json()) as { ok: boolean; error: string; reason: unknown };
    expect(result).toEqual({ ok: false, error: `${new URL(receiver.url).host} answered 500 (a problem on its side; it will be tried again)`, reason: { code: 'status', host: new URL(receiver.url).host, status: 500 } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('a channel whose server changes needs its password or signing secret typed again', async () => {
    const email = await api(collector, owner, 'POST', '/api/alerts/channels', {
      kind: 'email', name: 'Mail', locale: 'en', host: '127.0.0.1', port: 2525, security: 'none', user: 'alerts@shop.example', password: 'old-smtp-password', from: 'alerts@shop.example', to: 'owner@shop.example',
    });
    expect(email.status).toBe(201);
    const { channel } = (await email.json()) as { channel: { id: string } };
    const moved = await api(collector, owner, 'PUT', `/api/alerts/channels/${channel.id}`, { host: '127.0.0.2' });
    expect(moved.status).toBe(400);
    expect(((await moved.json()) as { problems: string[] }).problems).toEqual([expect.stringMatching(/^password: the server changed: type it again/)]);
    // Same server, other settings: the saved password stays.
    expect((await api(collector, owner, 'PUT', `/api/alerts/channels/${channel.id}`, { port: 2526 })).status).toBe(200);
    // Typed again: saved with the new server.
    expect((await api(collector, owner, 'PUT', `/api/alerts/channels/${channel.id}`, { host: '127.0.0.2', password: 'new-smtp-password' })).status).toBe(200);
    // Same server, its encryption turned off: the saved password would cross the network in the clear.
    expect((await api(collector, owner, 'PUT', `/api/alerts/channels/${channel.id}`, { security: 'tls' })).status).toBe(200);
    const plain = await api(collector, owner, 'PUT', `/api/alerts/channels/${channel.id}`, { security: 'none' });
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { problems: string[] }).problems).toEqual([expect.stringMatching(/^password: the connection is no longer encrypted: type it again/)]);
    expect((await api(collector, owner, 'PUT', `/api/alerts/channels/${channel.id}`, { security: 'starttls' })).status, 'another encryption keeps it').toBe(200);
    expect((await api(collector, owner, 'PUT', `/api/alerts/channels/${channel.id}`, { security: 'none', password: 'new-smtp-password' })).status).toBe(200);

    const hook = await api(collector, owner, 'POST', '/api/alerts/channels', { kind: 'webhook', name: 'Hook', locale: 'th', url: `${receiver.url}/a`, secret: whsec });
    const hookId = ((await hook.json()) as { channel: { id: string } }).channel.id;
    expect((await api(collector, owner, 'PUT', `/api/alerts/channels/${hookId}`, { url: `${receiver.url}/b` })).status).toBe(200);
    const elsewhere = await api(collector, owner, 'PUT', `/api/alerts/channels/${hookId}`, { url: 'http://127.0.0.3:9/a' }, 'th');
    expect(elsewhere.status).toBe(400);
    expect(((await elsewhere.json()) as { problems: string[] }).problems).toEqual([expect.stringMatching(/^secret: เซิร์ฟเวอร์เปลี่ยนไป กรุณาพิมพ์ใหม่/)]);
  });
});
