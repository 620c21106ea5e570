import { createHmac } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createAlertHook } from '../../src/alerts/hook';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import { makeAnswer, storeAnswer } from './answers';
import { startFakeHttp, type FakeHttp } from './fakes/fake-http';
import { startFakeSmtp } from './fakes/fake-smtp';
import type { DatabaseKind } from './test-database';

const timeZone = 'Asia/Bangkok';
const secretBytes = Buffer.from('a-32-byte-signing-key-for-tests!');
const webhookSecret = `whsec_${secretBytes.toString('base64')}`;

export function describeChannels(kind: DatabaseKind) {
  describe(`each channel receives a correctly formed alert (${kind.name})`, { timeout: 30_000 }, () => {
  let place: string;
  let slack: FakeHttp;
  let discord: FakeHttp;
  let webhook: FakeHttp;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let db: Awaited<ReturnType<DatabaseKind['open']>>;
  const answer = makeAnswer({
    type: 'nps',
    score: 3,
    comment: 'Delivery was late <!channel> @everyone & the box was crushed',
    locale: 'en',
    reasons: ['Delivery'],
    contact: true,
  });
  const clock = new Date('2026-11-30T05:00:00Z');

  beforeAll(async () => {
    [slack, discord, webhook] = await Promise.all([startFakeHttp(), startFakeHttp(), startFakeHttp()]);
    smtp = await startFakeSmtp({ user: 'alerts@shop.example', password: 'smtp-password-1234' });
    place = await kind.newPlace();
    db = await kind.open(place);
    const channels = await Promise.all([
      createChannel(db, { name: 'Slack', kind: 'slack', locale: 'en', config: { webhookUrl: `${slack.url}/services/T0/B0/XYZ` }, quiet: null, digestHour: null }),
      createChannel(db, { name: 'Discord', kind: 'discord', locale: 'en', config: { webhookUrl: `${discord.url}/api/webhooks/1/abc` }, quiet: null, digestHour: null }),
      createChannel(db, { name: 'Webhook', kind: 'webhook', locale: 'en', config: { url: `${webhook.url}/hooks/hearback`, secret: webhookSecret }, quiet: null, digestHour: null }),
      createChannel(db, {
        name: 'Email', kind: 'email', locale: 'th',
        config: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'alerts@shop.example', password: 'smtp-password-1234', from: 'alerts@shop.example', to: 'owner@shop.example, manager@shop.example' },
        quiet: null, digestHour: null,
      }),
    ]);
    await createRule(db, { name: 'Detractors', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: channels });
    await storeAnswer(db, answer, createAlertHook({ timeZone, now: () => clock }));
    const worker = createAlertWorker({ db, send: { lineApiUrl: 'http://127.0.0.1:9', destinations: { allowPrivate: true } }, publicUrl: 'https://shop.example/', timeZone, now: () => clock, log: () => {} });
    expect(await worker.tick()).toBe(4);
    const { rows } = await db.query(`SELECT status, count(*) AS n FROM alert_deliveries GROUP BY status`);
    expect(rows).toEqual([{ status: 'sent', n: 4 }]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([slack.close(), discord.close(), webhook.close(), smtp.close(), db.close()]);
    await kind.dispose(place);
  }, 90_000);

  it('Slack: a JSON post with fallback text and Block Kit blocks, user text escaped', () => {
    expect(slack.requests).toHaveLength(1);
    const [request] = slack.requests;
    expect(request.path).toBe('/services/T0/B0/XYZ');
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.body);
    expect(body.text).toBe('New answer to look at: NPS 3/10 · detractor');
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain(`<https://shop.example/inbox?case=${answer.id}|Open the case>`);
    expect(text).toContain('*Branch*\\nSiam');
    expect(text).toContain('*Customer*\\nSomchai');
  });

  it('Discord: content, one embed with the fields, and no mentions', () => {
    const body = JSON.parse(discord.requests[0].body);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toBe('New answer to look at: NPS 3/10 · detractor');
    expect(body.embeds[0].url).toBe(`https://shop.example/inbox?case=${answer.id}`);
    expect(body.embeds[0].description).toContain('@everyone & the box was crushed');
    expect(body.embeds[0].fields).toEqual(expect.arrayContaining([
      { name: 'Order', value: 'A17', inline: true },
      { name: 'Phone', value: '081-234-5678', inline: true },
      { name: 'Reasons', value: 'Delivery', inline: true },
    ]));
  });

  it('webhook: Standard Webhooks headers whose signature verifies', () => {
    const [request] = webhook.requests;
    const id = request.headers['webhook-id'] as string;
    const timestamp = request.headers['webhook-timestamp'] as string;
    const signature = request.headers['webhook-signature'] as string;
    expect(timestamp).toBe(String(clock.getTime() / 1000));
    // By hand, as a receiver in any language would: base64 HMAC-SHA256 of "id.timestamp.body".
    const expected = createHmac('sha256', secretBytes).update(`${id}.${timestamp}.${request.body}`).digest('base64');
    expect(signature).toBe(`v1,${expected}`);
    // And with the spec's reference library (its tolerance window is five minutes around now).
    const fresh = new Webhook(webhookSecret);
    const now = new Date();
    const resigned = fresh.sign(id, now, request.body);
    expect(() => fresh.verify(request.body, { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': resigned })).not.toThrow();
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      type: 'answer.alert',
      data: { answerId: answer.id, type: 'nps', score: 3, scale: [0, 10], band: 'detractor', context: { branch: 'Siam', orderId: 'A17' }, link: `https://shop.example/inbox?case=${answer.id}` },
    });
  });

  it('email: one message over SMTP with login, to every address, in Thai', async () => {
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.user).toBe('alerts@shop.example');
    expect(mail.from).toBe('alerts@shop.example');
    expect(mail.to).toEqual(['owner@shop.example', 'manager@shop.example']);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('คำตอบใหม่ที่ควรดู: NPS 3/10 · ไม่พอใจ');
    expect(parsed.messageId).toMatch(/^<[0-9a-f-]{36}@hearback>$/);
    expect(parsed.text).toContain('สาขา: Siam');
    expect(parsed.text).toContain('ชื่อลูกค้า: Somchai');
    expect(parsed.text).toContain('Delivery was late <!channel> @everyone & the box was crushed');
    expect(parsed.text).toContain(`https://shop.example/inbox?case=${answer.id}`);
    expect(parsed.html).toContain('Delivery was late &lt;!channel&gt; @everyone &amp; the box was crushed');
    expect(parsed.html).toContain(`href="https://shop.example/inbox?case=${answer.id}"`);
  });
});
}
