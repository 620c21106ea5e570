import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answer as validAnswer, OWNER, signIn, startTestCollector, type TestCollector } from '../harness';

const shop = 'https://shop.example';
const staff = { email: 'staff@shop.example', password: 'staff password 1' };
let collector: TestCollector;

const answer = (id: string, user?: string) => JSON.stringify(validAnswer({
  id, type: 'csat', score: 2, scale: [1, 5], comment: 'ของมาช้า', contact: true, locale: 'th',
  answeredAt: new Date(Date.now() - 60_000).toISOString(), ...(user ? { user: { id: user } } : {}), context: { orderId: `A-${id}` },
}));
const post = (body: string, headers: Record<string, string> = {}) =>
  collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain', origin: shop, ...headers }, body });
const asOwnerPage = (cookie: string, extra: Record<string, string> = {}) => ({ cookie, origin: collector.origin, ...extra });

beforeAll(async () => {
  collector = await startTestCollector({ config: { allowedOrigins: [shop], trustProxy: 1 } });
  await collector.accounts.users.add({ ...staff, role: 'staff' });
}, 60_000);
afterAll(() => collector.close());

describe('privacy routes', () => {
  test('export and erase are for the signed-in owner only: 401 without, 403 for staff and API tokens', async () => {
    const ownerRow = (await collector.accounts.users.list()).find((u) => u.role === 'owner')!;
    const { secret } = await collector.accounts.apiTokens.create(ownerRow.id, 'automation');
    const staffCookie = await signIn(collector, staff);
    const erase = (headers: Record<string, string>) => collector.request('/api/privacy/erase', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: collector.origin, ...headers }, body: JSON.stringify({ user: 'u-1' }),
    });
    expect((await collector.request('/api/privacy/export?user=u-1')).status).toBe(401);
    expect((await erase({})).status).toBe(401);
    expect((await collector.request('/api/privacy/export?user=u-1', { headers: { cookie: staffCookie } })).status).toBe(403);
    expect((await erase({ cookie: staffCookie })).status).toBe(403);
    expect((await collector.request('/api/privacy/export?user=u-1', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(403);
    expect((await erase({ authorization: `Bearer ${secret}` })).status).toBe(403);
  });

  test("the owner exports one person's answers, erases them, and nobody else's", async () => {
    for (const [id, user] of [['answer-p1', 'u-1'], ['answer-p2', 'u-1'], ['answer-p3', 'u-2']]) expect((await post(answer(id, user))).status).toBe(201);
    const cookie = await signIn(collector);
    const exported = await collector.request('/api/privacy/export?user=u-1', { headers: { cookie } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('access-control-allow-origin')).toBeNull();
    const body = await exported.json();
    expect(body.answers.map((a: { answer: { id: string; comment: string } }) => [a.answer.id, a.answer.comment])).toEqual([['answer-p1', 'ของมาช้า'], ['answer-p2', 'ของมาช้า']]);

    const bad = await collector.request('/api/privacy/erase', { method: 'POST', headers: asOwnerPage(cookie, { 'content-type': 'application/json' }), body: '{}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ problems: ['give user (a user id), email (a user email) or answer (an answer id)'] });

    const erased = await collector.request('/api/privacy/erase', {
      method: 'POST', headers: asOwnerPage(cookie, { 'content-type': 'application/x-www-form-urlencoded' }), body: 'user=u-1',
    });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ about: 'user u-1', answers: ['answer-p1', 'answer-p2'] });
    const left = await collector.request('/api/responses.json', { headers: { cookie } });
    expect((await left.json()).responses.map((r: { id: string }) => r.id)).toEqual(['answer-p3']);
  });
});

describe('client addresses', () => {
  test('are never stored: after posts and a sign-in through a proxy, no table holds one', async () => {
    const forwarded = '203.0.113.77';
    for (let i = 0; i < 5; i++) expect((await post(answer(`answer-ip-${i}`, `u-ip-${i}`), { 'x-forwarded-for': forwarded })).status).toBe(201);
    // A sign-in stores a session: it must not keep the address either.
    const signedIn = await collector.request('/signin', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: collector.origin, 'x-forwarded-for': forwarded }, body: JSON.stringify(OWNER),
    });
    expect(signedIn.status).toBe(200);
    const { rows: tables } = await collector.db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['responses', 'sessions', 'users']));
    let scanned = 0;
    for (const { name } of tables) {
      const { rows } = await collector.db.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
      scanned += rows.length;
      for (const { row } of rows) {
        expect(row, `a row of ${name}`).not.toContain(forwarded);
        expect(row, `a row of ${name}`).not.toContain('127.0.0.1');
      }
    }
    expect(scanned).toBeGreaterThan(5);
  });

  test('a user id sent as a JSON number, and a user.email, find their answers through the routes (export, then erase)', async () => {
    const cookie = await signIn(collector);
    const body = (id: string, user: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(answer(id)), user });
    expect((await post(body('answer-n1', { id: 42 }))).status).toBe(201);
    expect((await post(body('answer-e1', { email: 'Somchai@Shop.example' }))).status).toBe(201);
    const exportOf = async (query: string) => (await (await collector.request(`/api/privacy/export?${query}`, { headers: { cookie } })).json()).answers.map((a: { answer: { id: string } }) => a.answer.id);
    expect(await exportOf('user=42')).toEqual(['answer-n1']);
    expect(await exportOf('email=somchai%40shop.example')).toEqual(['answer-e1']);
    const erase = async (fields: Record<string, unknown>) => (await collector.request('/api/privacy/erase', {
      method: 'POST', headers: asOwnerPage(cookie, { 'content-type': 'application/json' }), body: JSON.stringify(fields),
    })).json();
    expect(await erase({ user: 42 })).toEqual({ about: 'user 42', answers: ['answer-n1'] });
    expect(await erase({ email: 'SOMCHAI@shop.example' })).toEqual({ about: 'email SOMCHAI@shop.example', answers: ['answer-e1'] });
    expect(await exportOf('user=42')).toEqual([]);
  });
});
