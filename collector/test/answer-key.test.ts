// An answer's `key`: knowing an answer's id (it is in every alert link) is never enough to change
// it. A repeat amends only with the answer's own key, only by adding the follow-up, and alert
// rules run on the stored answer, never on the posted body.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, asBrowser, signIn, startTestCollector, type TestCollector } from './harness';
import { startFakeLine } from './alerts/fakes/fake-line';

const shop = 'https://shop.example';
const token = 'line-channel-access-token-abcdefWXYZ';
const groupId = `C${'0123456789abcdef'.repeat(2)}`;
const key = 'q3Xk0v_2-Lm9Zt7RbY1cWdEa';
const withoutKey = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== 'key'));

describe('amending an answer needs its key', { timeout: 60_000 }, () => {
  let collector: TestCollector;
  let line: Awaited<ReturnType<typeof startFakeLine>>;
  let owner: string;

  const post = (body: unknown, headers: Record<string, string> = { origin: shop }) =>
    collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers }, body: JSON.stringify(body) });
  const row = async (id: string) =>
    (await collector.db.query<Record<string, unknown>>('SELECT score, type, survey, comment, reasons, contact, context, user_data, answered_at, payload, key_hash FROM responses WHERE id = $1', [id])).rows[0];
  const exported = async (id: string) => {
    const response = await collector.request(`/api/privacy/export?answer=${id}`, { headers: asBrowser(collector, owner) });
    expect(response.status).toBe(200);
    return (await response.json()).answers.map((entry: { answer: unknown }) => entry.answer);
  };
  const alertsFor = async (id: string) => Number((await collector.db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_deliveries WHERE answer_id = $1', [id])).rows[0].n);
  const form = (fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const item of ([] as string[]).concat(value)) body.append(name, item);
    return { method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }), body };
  };

  beforeAll(async () => {
    line = await startFakeLine(token);
    collector = await startTestCollector({ config: { lineApiUrl: line.url, allowedOrigins: [shop], timezone: 'Asia/Bangkok', allowPrivateDestinations: true } });
    owner = await signIn(collector);
    expect((await collector.request('/alerts/channels', form({ kind: 'line', name: 'Shop group', to: groupId, token, locale: 'en', quietFrom: '', quietTo: '', digestHour: '' }))).status).toBe(200);
    const channelId = (await collector.db.query<{ id: string }>('SELECT id FROM alert_channels')).rows[0].id;
    expect((await collector.request('/alerts/rules', form({ name: 'Unhappy customers', enabled: 'on', detractor: 'on', channels: [channelId] }))).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await collector?.close();
    await line?.close();
  });

  it('stores only the hash of the key; the raw answer the privacy export shows never holds it', async () => {
    const happy = answer({ type: 'nps', score: 10, scale: [0, 10], key });
    expect((await post(happy)).status).toBe(201);
    const stored = await row(happy.id);
    expect(stored.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(key);
    const [shown] = await exported(happy.id);
    expect(shown).not.toHaveProperty('key');
    expect(shown).toMatchObject({ score: 10, type: 'nps' });
  });

  it('a repeat of a known id without the key, or with another key, is a duplicate: nothing changes and no alert fires', async () => {
    const happy = answer({ type: 'nps', score: 10, scale: [0, 10], user: { id: 'u-7' }, context: { orderId: 'A17' }, key });
    expect((await post(happy)).status).toBe(201);
    const before = await row(happy.id);
    const exportBefore = await exported(happy.id);
    const forged = {
      ...happy, score: 0, survey: 'forged', user: { id: 'u-evil' }, context: { orderId: 'X' }, answeredAt: new Date().toISOString(),
      comment: 'terrible, call me', reasons: ['Price'], contact: true,
    };
    for (const repeat of [withoutKey(forged), { ...forged, key: 'another-key-0123456789AB' }]) {
      for (const headers of [{ origin: shop }, {} as Record<string, string>]) {
        const response = await post(repeat, headers);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ id: happy.id, duplicate: true });
      }
    }
    expect(await row(happy.id)).toEqual(before);
    expect(await exported(happy.id)).toEqual(exportBefore);
    expect(await alertsFor(happy.id)).toBe(0);
    await collector.alerts.worker.tick();
    expect(line.pushes).toHaveLength(0);
  });

  it('with the right key the follow-up is added; the score, survey, user, context and time stay as stored', async () => {
    const scoreOnly = answer({ type: 'nps', score: 9, scale: [0, 10], user: { id: 'u-8' }, context: { orderId: 'A18' }, key });
    expect((await post(scoreOnly)).status).toBe(201);
    const amended = await post({
      ...scoreOnly, score: 1, type: 'csat', scale: [1, 5], survey: 'forged', user: { id: 'u-evil' }, context: { orderId: 'X' },
      answeredAt: new Date().toISOString(), comment: 'ส่งเร็ว ขอบคุณ', reasons: ['Delivery'], contact: true,
    });
    expect(await amended.json()).toEqual({ id: scoreOnly.id, duplicate: true, completed: true });
    expect(await row(scoreOnly.id)).toMatchObject({
      score: 9, type: 'nps', survey: 'after-checkout', comment: 'ส่งเร็ว ขอบคุณ', reasons: ['Delivery'], contact: true,
      context: { orderId: 'A18' }, user_data: { id: 'u-8' },
    });
    const [shown] = await exported(scoreOnly.id);
    expect(shown).toEqual({ ...withoutKey(scoreOnly), comment: 'ส่งเร็ว ขอบคุณ', reasons: ['Delivery'], contact: true });
    // The amendment ran the rules on the stored answer (a promoter's 9): no detractor alert.
    expect(await alertsFor(scoreOnly.id)).toBe(0);
    // What it added stays: a second amendment with the key changes nothing.
    const again = await post({ ...scoreOnly, comment: 'changed my mind', reasons: ['Price'] });
    expect(await again.json()).toEqual({ id: scoreOnly.id, duplicate: true });
    expect(await row(scoreOnly.id)).toMatchObject({ comment: 'ส่งเร็ว ขอบคุณ', reasons: ['Delivery'] });
  });

  it("a detractor's comment added later with the key reaches the alert, which reads the stored score", async () => {
    const unhappy = answer({ type: 'csat', score: 2, scale: [1, 5], key });
    expect((await post(unhappy)).status).toBe(201);
    expect(await alertsFor(unhappy.id)).toBe(1);
    expect((await post({ ...unhappy, score: 5, comment: 'พนักงานพูดไม่สุภาพ', key })).status).toBe(200);
    await collector.alerts.worker.tick();
    expect(line.pushes).toHaveLength(1);
    expect(line.pushes[0].messages[0].text).toContain('CSAT 2/5');
  });

  it('an answer that arrived without a key can never be amended', async () => {
    const serverAnswer = answer({ type: 'csat', score: 4 });
    expect((await post(serverAnswer, {})).status).toBe(201);
    for (const repeat of [{ ...serverAnswer, comment: 'added' }, { ...serverAnswer, comment: 'added', key }]) {
      expect(await (await post(repeat)).json()).toEqual({ id: serverAnswer.id, duplicate: true });
    }
    expect(await row(serverAnswer.id)).toMatchObject({ comment: null, key_hash: null });
  });
});
