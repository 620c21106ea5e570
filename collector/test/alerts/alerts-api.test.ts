import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, signIn, startTestCollector, type TestCollector } from '../harness';
import { startFakeLine } from './fakes/fake-line';

const token = 'line-channel-access-token-abcdefWXYZ';
const groupId = `C${'0123456789abcdef'.repeat(2)}`;
const staff = { email: 'staff@shop.example', password: 'staff password 123' };

/** The alert settings as JSON: who may read and change them, the forms' checks, secrets masked. */
describe('alerts JSON API', { timeout: 60_000 }, () => {
  let collector: TestCollector;
  let line: Awaited<ReturnType<typeof startFakeLine>>;
  let owner: string;
  let staffCookie: string;
  let bearer: string;
  let channelId: string;
  let ruleId: string;

  const call = (method: string, path: string, body?: unknown, cookie = owner) =>
    collector.request(path, { method, headers: asBrowser(collector, cookie, { 'content-type': 'application/json' }), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  beforeAll(async () => {
    line = await startFakeLine(token);
    collector = await startTestCollector({ config: { lineApiUrl: line.url, timezone: 'Asia/Bangkok', secretKey: 'a-secret-key-of-at-least-32-characters', allowPrivateDestinations: true } });
    owner = await signIn(collector);
    await collector.accounts.users.add({ ...staff, role: 'staff' });
    staffCookie = await signIn(collector, staff);
    const created = await call('POST', '/api/tokens', { name: 'reporting' });
    bearer = (await created.json()).secret;
  }, 60_000);
  afterAll(async () => {
    await collector?.close();
    await line?.close();
  });

  it('adds a channel with the form\'s checks: 400 naming the field, then 201 with the secret masked', async () => {
    const bad = await call('POST', '/api/alerts/channels', { kind: 'line', name: 'Owner', to: 'someone', token: 'short' });
    expect(bad.status).toBe(400);
    const { problems } = await bad.json();
    expect(problems).toEqual([expect.stringMatching(/^to: /), expect.stringMatching(/^token: /)]);
    expect((await (await call('POST', '/api/alerts/channels', { kind: 'pager', name: 'x' })).json()).problems[0]).toMatch(/^kind: "pager" must be one of line, slack/);
    // An address without its scheme, or none, is the field's problem (400), not a failure on our side.
    for (const [kind, field, value] of [['slack', 'webhookUrl', 'hooks.slack.com/services/x'], ['discord', 'webhookUrl', ''], ['webhook', 'url', 'not a url']]) {
      const response = await call('POST', '/api/alerts/channels', { kind, name: 'x', [field]: value });
      expect(response.status, `${kind} ${JSON.stringify(value)}`).toBe(400);
      expect((await response.json()).problems).toContainEqual(expect.stringMatching(new RegExp(`^${field}: `)));
    }

    const created = await call('POST', '/api/alerts/channels', { kind: 'line', name: 'Owner group', to: groupId, token, locale: 'th', quietFrom: '22:00', quietTo: '07:00', digestHour: 18 });
    expect(created.status).toBe(201);
    const { channel } = await created.json();
    channelId = channel.id;
    expect(channel).toMatchObject({ name: 'Owner group', kind: 'line', locale: 'th', settings: { to: groupId }, secrets: { token: '•••• WXYZ' }, quiet: { from: '22:00', to: '07:00' }, digestHour: 18, lastDelivery: null });
    expect(JSON.stringify(channel)).not.toContain(token);
  });

  it('refuses bodies that are not a JSON object of text, numbers and true/false, naming the field', async () => {
    for (const body of ['{"name":', '["name"]', 'null']) {
      const response = await collector.request(`/api/alerts/channels/${channelId}`, { method: 'PUT', headers: asBrowser(collector, owner, { 'content-type': 'application/json' }), body });
      expect(response.status, body).toBe(400);
      expect((await response.json()).problems[0], body).toMatch(/^the body must be a JSON object/);
    }
    const plain = await collector.request('/api/alerts/channels', { method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'text/plain' }), body: '{"kind":"slack"}' });
    expect((await plain.json()).problems[0]).toMatch(/Content-Type: application\/json/);
    const wrong = await call('PUT', `/api/alerts/channels/${channelId}`, { name: null, token: { a: 1 } });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).problems).toEqual(['name: must be text, a number or true/false (got null)', 'token: must be text, a number or true/false (got object)']);
    // Only spaces keeps the saved secret, as leaving it out does.
    expect((await (await call('PUT', `/api/alerts/channels/${channelId}`, { token: '   ' })).json()).channel.secrets).toEqual({ token: '•••• WXYZ' });
  });

  it('shows everyone signed in a webhook address without its credentials or query, and short secrets not at all', async () => {
    const hook = await call('POST', '/api/alerts/channels', { kind: 'webhook', name: 'Own system', url: 'https://user:pw123@hooks.example/in?key=abc' });
    expect(hook.status).toBe(201);
    const { channel, generatedSecret } = await hook.json();
    expect(generatedSecret).toMatch(/^whsec_/);
    expect(channel.settings.url).toBe('https://hooks.example/in?…');
    const mail = await call('POST', '/api/alerts/channels', { kind: 'email', name: 'Mail', host: '127.0.0.1', port: 2525, security: 'none', password: 'pw12', from: 'a@shop.example', to: ['b@shop.example', 'c@shop.example'] });
    expect(mail.status).toBe(201);
    const mailChannel = (await mail.json()).channel;
    expect(mailChannel.secrets).toEqual({ password: '••••' });
    expect(mailChannel.settings.to).toBe('b@shop.example, c@shop.example');
    const overview = await (await collector.request('/alerts', { headers: { cookie: staffCookie } })).text();
    expect(overview).toContain('https://hooks.example/in?…');
    expect(overview).not.toContain('pw123');
    expect(overview).not.toContain('pw12');
    for (const id of [channel.id, mailChannel.id]) expect((await call('DELETE', `/api/alerts/channels/${id}`)).status).toBe(204);
  });

  it('changes a channel: fields left out keep their values, the secret too; the kind cannot change', async () => {
    const renamed = await call('PUT', `/api/alerts/channels/${channelId}`, { name: 'Shop group', quietFrom: '', quietTo: '' });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).channel).toMatchObject({ name: 'Shop group', locale: 'th', quiet: null, digestHour: 18, settings: { to: groupId }, secrets: { token: '•••• WXYZ' } });
    expect((await call('PUT', `/api/alerts/channels/${channelId}`, { kind: 'slack' })).status).toBe(400);
    const tested = await call('POST', `/api/alerts/channels/${channelId}/test`);
    expect(await tested.json()).toEqual({ ok: true });
    expect(line.pushes.at(-1)!.to).toBe(groupId);
  });

  it('adds, changes and deletes a rule, refusing one without a condition or a known channel', async () => {
    const bad = await call('POST', '/api/alerts/rules', { name: 'Nothing', channels: [channelId] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).problems).toEqual([expect.stringMatching(/^detractor: choose at least one condition/)]);
    const unknown = await call('POST', '/api/alerts/rules', { name: 'Somewhere', detractor: true, channels: [channelId, "'; DROP"] });
    expect((await unknown.json()).problems).toEqual([`channels: "'; DROP" is not a channel; GET /api/alerts lists them`]);
    expect((await call('POST', '/api/alerts/rules', 'not an object')).status).toBe(400);
    // JSON types, not text that looks like them: "true" is not true.
    const typed = await call('POST', '/api/alerts/rules', { name: 'x', enabled: 'true', detractor: 1, channels: channelId, kind: 'detractor' });
    expect(typed.status).toBe(400);
    expect((await typed.json()).problems).toEqual([
      expect.stringMatching(/^enabled: must be true or false/), expect.stringMatching(/^detractor: must be true or false/),
      expect.stringMatching(/^channels: must be a list of channel ids/), expect.stringMatching(/kind/),
    ]);

    const created = await call('POST', '/api/alerts/rules', { name: 'Unhappy at Siam', detractor: true, contextKey: 'branch', contextValue: 'Siam', channels: [channelId] });
    expect(created.status).toBe(201);
    const { rule } = await created.json();
    ruleId = rule.id;
    expect(rule).toMatchObject({ name: 'Unhappy at Siam', enabled: true, conditions: [{ kind: 'detractor' }, { kind: 'context', key: 'branch', value: 'Siam' }], channelIds: [channelId] });
    const changed = await call('PUT', `/api/alerts/rules/${ruleId}`, { name: 'CSAT 2 or less', scoreType: 'csat', scoreMax: 2, channels: [channelId], enabled: false });
    expect((await changed.json()).rule).toMatchObject({ enabled: false, conditions: [{ kind: 'score-at-most', type: 'csat', max: 2 }] });
    const listed = await (await collector.request('/api/alerts', { headers: { authorization: `Bearer ${bearer}` } })).json();
    expect(listed.secretsEncrypted).toBe(true);
    expect(listed.rules).toHaveLength(1);
    expect(listed.channels[0].secrets).toEqual({ token: '•••• WXYZ' });
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await call('DELETE', `/api/alerts/rules/${ruleId}`)).status).toBe(204);
    expect((await call('DELETE', `/api/alerts/rules/${ruleId}`)).status).toBe(404);
  });

  it('lets anyone signed in read, only the owner (signed in, not a token) change; strangers and other sites get nothing', async () => {
    expect((await collector.request('/api/alerts')).status).toBe(401);
    // A change without a session or token: refused before it is read (the CSRF check, then sign-in).
    expect((await collector.request('/api/alerts/channels', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    expect((await collector.request('/api/alerts/channels', { method: 'POST', headers: { 'content-type': 'application/json', origin: collector.origin }, body: '{}' })).status).toBe(401);
    expect((await collector.request('/api/alerts', { headers: { cookie: staffCookie } })).status).toBe(200);
    expect((await call('POST', '/api/alerts/channels', { kind: 'slack', name: 'x', webhookUrl: 'https://hooks.slack.com/services/x' }, staffCookie)).status).toBe(403);
    const withToken = await collector.request('/api/alerts/channels', { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'slack', name: 'x', webhookUrl: 'https://hooks.slack.com/services/x' }) });
    expect(withToken.status).toBe(403);
    expect((await withToken.json()).problems[0]).toMatch(/API tokens cannot do this/);
    const crossSite = await collector.request(`/api/alerts/channels/${channelId}`, { method: 'DELETE', headers: { cookie: owner, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await collector.request('/api/alerts', { headers: { cookie: owner, origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await call('DELETE', `/api/alerts/channels/${channelId}`)).status).toBe(204);
    expect((await call('DELETE', `/api/alerts/channels/${channelId}`)).status).toBe(404);
  });
});
