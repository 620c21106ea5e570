import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { answer, asBrowser, databaseKind, openTestDatabase, signIn, startTestCollector, type TestCollector } from './harness';
import { signed } from './links/signed';

const shop = 'https://shop.example';

/**
 * Settings the answer path keeps in memory (alert rules, single-use surveys) follow a change made
 * on another collector at once: two collectors on one database, the change on one, answers to the
 * other. On PGlite the two apps share one database object; on PostgreSQL each has its own pool.
 */
describe(`settings kept in memory follow changes made elsewhere (${databaseKind})`, { timeout: 60_000 }, () => {
  let db: Database & { shared(): Promise<Database> };
  let second: Database;
  let changer: TestCollector;
  let receiver: TestCollector;
  let owner: string;

  const json = (method: string, path: string, body: unknown) =>
    changer.request(path, { method, headers: asBrowser(changer, owner, { 'content-type': 'application/json' }), body: JSON.stringify(body) });
  const post = (body: unknown) =>
    receiver.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: shop }, body: JSON.stringify(body) });
  const deliveries = async () => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM alert_deliveries')).rows[0].n);

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    second = await db.shared();
    const config = { allowedOrigins: [shop], timezone: 'Asia/Bangkok', lineApiUrl: 'http://127.0.0.1:9', allowPrivateDestinations: true };
    changer = await startTestCollector({ db, config });
    receiver = await startTestCollector({ db: second, config });
    owner = await signIn(changer);
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await changer?.close();
    await second?.close();
    await db?.close();
  });

  it('an alert rule added, switched off and on again on one collector decides the next answer on the other', async () => {
    expect((await post(answer({ type: 'csat', score: 1, scale: [1, 5] }))).status).toBe(201);
    expect(await deliveries()).toBe(0);
    const channel = (await (await json('POST', '/api/alerts/channels', { kind: 'slack', name: 'Team', webhookUrl: 'http://127.0.0.1:9/hook' })).json()).channel;
    const rule = (await (await json('POST', '/api/alerts/rules', { name: 'Unhappy', detractor: true, channels: [channel.id] })).json()).rule;
    expect((await post(answer({ type: 'csat', score: 1, scale: [1, 5] }))).status).toBe(201);
    expect(await deliveries()).toBe(1);
    await json('PUT', `/api/alerts/rules/${rule.id}`, { name: 'Unhappy', detractor: true, channels: [channel.id], enabled: false });
    expect((await post(answer({ type: 'csat', score: 1, scale: [1, 5] }))).status).toBe(201);
    expect(await deliveries()).toBe(1);
    await json('PUT', `/api/alerts/rules/${rule.id}`, { name: 'Unhappy', detractor: true, channels: [channel.id], enabled: true });
    expect((await post(answer({ type: 'csat', score: 1, scale: [1, 5] }))).status).toBe(201);
    expect(await deliveries()).toBe(2);
  });

  it('an answer no hook wants, by the rules in memory, still meets a rule added meanwhile on the other collector', async () => {
    // A happy answer: no case, and no rule in the receiver's memory matches it, so it would be
    // stored by one statement, guarded by the settings version; the new rule moved that version.
    const before = await deliveries();
    const channel = (await (await json('POST', '/api/alerts/channels', { kind: 'slack', name: 'Refunds', webhookUrl: 'http://127.0.0.1:9/refunds' })).json()).channel;
    await json('POST', '/api/alerts/rules', { name: 'Refunds', mentions: 'refund', channels: [channel.id] });
    expect((await post(answer({ type: 'csat', score: 5, scale: [1, 5], comment: 'Quick REFUND, thanks' }))).status).toBe(201);
    expect(await deliveries()).toBe(before + 1);
    expect((await post(answer({ type: 'csat', score: 5, scale: [1, 5], comment: 'Lovely' }))).status).toBe(201);
    expect(await deliveries()).toBe(before + 1);
  });

  it('a survey made single-use on one collector takes one answer per order on the other', async () => {
    const order = (id: string, context: Record<string, string> = { order: id }) => answer({ survey: 'receipt', type: 'nps', score: 9, scale: [0, 10], context });
    expect((await post(order('A1'))).status).toBe(201);
    expect((await post(order('A1'))).status).toBe(201); // a new id, same order: the survey is not single-use yet
    const made = await changer.request('/links/surveys', {
      method: 'POST', headers: asBrowser(changer, owner, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams({ id: 'receipt', type: 'nps', contextKeys: 'branch', singleUse: 'on' }).toString(),
    });
    expect(made.status).toBe(303);
    const a2 = await signed(db, 'receipt', { order: 'A2' });
    expect((await post(order('A2', a2))).status).toBe(201);
    expect((await post(order('A2', a2))).status).toBe(409);
  });

  it('stores each answer with its derived channel in the one INSERT', async () => {
    const kiosk = answer({ type: 'csat', score: 5, scale: [1, 5], mode: 'kiosk' });
    expect((await post(kiosk)).status).toBe(201);
    const { rows } = await db.query<{ context: Record<string, unknown>; payload: { context?: unknown } }>('SELECT context, payload FROM responses WHERE id = $1', [kiosk.id]);
    expect(rows[0].context).toEqual({ channel: 'kiosk' });
    expect(rows[0].payload.context).toBeUndefined();
  });
});
