// Pushing a survey after an order (`POST /api/line/surveys`), the LINE page (secrets locked by the
// environment or stored encrypted, the check button, the month's quota) — against a local fake LINE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind } from '../harness';
import { CHANNEL_SECRET, CHANNEL_TOKEN, CUSTOMER, events, startLineCollector, type LineCollector } from './line-fixture';

const SECRET_KEY = 'a-secret-key-of-at-least-32-characters!';

describe(`pushing a LINE survey after an order (${databaseKind})`, () => {
  let app: LineCollector;
  const push = (body: unknown) =>
    app.request('/api/line/surveys', { method: 'POST', headers: app.asOwner({ 'content-type': 'application/json' }), body: JSON.stringify(body) });

  beforeAll(async () => {
    app = await startLineCollector({ config: { secretKey: SECRET_KEY }, line: { quota: { limit: 300, used: 41 }, bot: { basicId: '@shopbkk', displayName: 'ร้านกาแฟสยาม' } } });
    await app.form('/links/surveys', { id: 'after-order', type: 'csat', contextKeys: 'branch' });
    await app.form('/links/surveys', { id: 'receipt', type: 'ces', singleUse: 'on' });
    expect((await app.form('/line', { channelSecret: CHANNEL_SECRET, channelToken: CHANNEL_TOKEN, surveyId: 'after-order', keywordTh: 'ให้คะแนน', keywordEn: 'rate us' })).status).toBe(303);
  }, 60_000);
  afterAll(() => app?.close());

  it('sends once across a retry of the same request, also after LINE failed the first try', async () => {
    app.line.failNext(1, 500);
    const order = { to: CUSTOMER, survey: 'after-order', context: { branch: 'Siam', order: 'A17' }, lang: 'en' };
    const failed = await push(order);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBeTruthy();
    const first = await push(order);
    expect(first.status).toBe(201);
    const again = await push(order);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(app.line.pushes).toHaveLength(1);
    // The failed try and the one that went through carried the same retry key (a UUID).
    const keys = app.line.requests.filter((r) => r.path === '/v2/bot/message/push').map((r) => r.headers['x-line-retry-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [message] = app.line.pushes[0].messages;
    expect(message.text).toContain('How would you rate your overall satisfaction with what you received?');
    expect(message.quickReply!.items.map((item) => item.action.label)).toEqual(['1 Very dissatisfied', '2', '3', '4', '5 Very satisfied']);
    // Another order is another push.
    expect((await push({ ...order, context: { branch: 'Siam', order: 'A18' } })).status).toBe(201);
    expect(app.line.pushes).toHaveLength(2);
    // Each question that went out counts once as asked on LINE in the response rates (the retry did not).
    const rates = await (await app.request('/api/response-rates?days=7&survey=after-order', { headers: app.asOwner({}) })).json();
    expect(rates.rows).toEqual([expect.objectContaining({ survey: 'after-order', channel: 'line', shown: 2, answered: 0 })]);
    const byBranch = await (await app.request('/api/response-rates?days=7&survey=after-order&by=branch', { headers: app.asOwner({}) })).json();
    expect(byBranch.rows).toEqual([expect.objectContaining({ channel: 'line', value: 'Siam', shown: 2 })]);
  });

  it('refuses bad requests with 4xx naming the field', async () => {
    const bad = await push({ to: 'someone', survey: 'after-order', context: { Branch: 1 } });
    expect(bad.status).toBe(400);
    const { problems } = await bad.json();
    expect(problems.join(' ')).toMatch(/to: must be a LINE user id/);
    expect(problems.join(' ')).toMatch(/context/);
    expect((await push({ to: CUSTOMER, survey: 'nope' })).status).toBe(404);
    const noOrder = await push({ to: CUSTOMER, survey: 'receipt' });
    expect(noOrder.status).toBe(400);
    expect((await noOrder.json()).problems[0]).toMatch(/context\.order/);
    expect((await app.request('/api/line/surveys', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer hb_token_not-a-real-one' }, body: '{}' })).status).toBe(401);
  });

  it('a one-answer-per-order survey pushed with its order takes the tap, signed like a receipt\'s link; erasing the customer erases the chat question', async () => {
    expect((await push({ to: CUSTOMER, survey: 'receipt', context: { order: 'B9' } })).status).toBe(201);
    const [button] = app.line.pushes.at(-1)!.messages[0].quickReply!.items.map((item) => item.action);
    expect((await app.webhook([events.postback(button.data)])).status).toBe(200);
    expect(app.line.replies.at(-1)!.messages[0].text).toBe('เหตุผลหลักที่คุณให้คะแนนนี้คืออะไร');
    const { rows } = await app.db.query<{ id: string; context: Record<string, string> }>('SELECT id, context FROM responses WHERE survey = $1', ['receipt']);
    expect(rows).toHaveLength(1);
    expect(rows[0].context).toMatchObject({ order: 'B9', channel: 'line' });
    const erased = await app.request('/api/privacy/erase', { method: 'POST', headers: app.asOwner({ 'content-type': 'application/json' }), body: JSON.stringify({ user: CUSTOMER }) });
    expect(erased.status).toBe(200);
    expect((await app.db.query('SELECT id FROM line_asks WHERE answer_id = $1', [rows[0].id])).rows).toHaveLength(0);
  });

  it('shows the month\'s quota and use, the webhook address and the check, in Thai and English', async () => {
    const en = await (await app.request('/line', { headers: app.asOwner({ cookie: `${app.asOwner().cookie}; hearback_lang=en` }) })).text();
    expect(en).toContain(`https://feedback.shop.example/api/line/webhook`);
    // 41 before, plus what the tests above pushed: LINE's figure, not a count of our own.
    const used = app.line.state.quota.used;
    expect(used).toBeGreaterThan(41);
    expect(en).toContain(`${used} of 300 messages sent this month`);
    const checked = await app.request('/line/check', { method: 'POST', headers: app.asOwner({ cookie: `${app.asOwner().cookie}; hearback_lang=th` }) });
    expect(checked.status).toBe(200);
    const th = await checked.text();
    expect(th).toContain('LINE รู้จักบอท ร้านกาแฟสยาม (@shopbkk)');
    expect(th).toContain(`ส่งไปแล้ว ${used} จาก 300 ข้อความในเดือนนี้`);
    // The counter QR code opens the chat with the Thai keyword typed in.
    expect(th).toContain(`https://line.me/R/oaMessage/%40shopbkk/?${encodeURIComponent('ให้คะแนน')}`);
    const poster = await (await app.request('/line/poster?lang=th', { headers: app.asOwner() })).text();
    expect(poster).toContain('<svg');
    expect(poster).toContain('line.me/R/oaMessage/%40shopbkk/');
    app.line.state.webhookTest = { success: false, statusCode: 404, reason: 'NOT_FOUND' };
    const failing = await app.request('/line/check', { method: 'POST', headers: app.asOwner({ cookie: `${app.asOwner().cookie}; hearback_lang=en` }) });
    expect(failing.status).toBe(400);
    expect(await failing.text()).toMatch(/LINE could not reach the webhook \(NOT_FOUND\)/);
  });

  it('stores the secret and token encrypted, bound to their field, and never shows them back', async () => {
    const { rows: [row] } = await app.db.query<{ channel_secret: string; channel_token: string }>('SELECT channel_secret, channel_token FROM line_account');
    expect(row.channel_secret).toMatch(/^hb2:/);
    expect(row.channel_token).toMatch(/^hb2:/);
    expect(row.channel_secret).not.toContain(CHANNEL_SECRET);
    // A value copied into the other field does not open there.
    await app.db.query('UPDATE line_account SET channel_token = channel_secret');
    const page = await (await app.request('/line', { headers: app.asOwner({ cookie: `${app.asOwner().cookie}; hearback_lang=en` }) })).text();
    expect(page).toMatch(/cannot be decrypted/);
    expect(page).not.toContain(CHANNEL_SECRET);
    expect(page).not.toContain(CHANNEL_TOKEN);
  });
});

describe(`LINE secrets from the environment (${databaseKind})`, () => {
  let app: LineCollector;
  beforeAll(async () => {
    app = await startLineCollector({ config: { lineChannelSecret: CHANNEL_SECRET, lineChannelToken: CHANNEL_TOKEN } });
  }, 60_000);
  afterAll(() => app?.close());

  it('win over the form, which shows them locked', async () => {
    const page = await (await app.request('/line', { headers: app.asOwner({ cookie: `${app.asOwner().cookie}; hearback_lang=en` }) })).text();
    expect(page).toMatch(/Set by HEARBACK_LINE_CHANNEL_SECRET on the server \(locked here\)/);
    expect(page).toMatch(/<input type="password" name="channelSecret"[^>]*disabled/);
    expect((await app.form('/line', { channelSecret: 'f'.repeat(32), keywordTh: 'ให้คะแนน', keywordEn: 'rate us' })).status).toBe(303);
    const { rows: [row] } = await app.db.query<{ channel_secret: string }>('SELECT channel_secret FROM line_account');
    expect(row.channel_secret).toBe('');
  });

  it('names each bad field of the form in the reader\'s language', async () => {
    const response = await app.form('/line', { keywordTh: '', keywordEn: 'rate us', surveyId: 'missing' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toMatch(/Keyword, Thai: 1 to 40 characters|คำสั่งภาษาไทย: 1 ถึง 40 ตัวอักษร/);
    expect(text).toMatch(/Survey: pick a survey|แบบสอบถาม: เลือกจากรายการ/);
  });
});
