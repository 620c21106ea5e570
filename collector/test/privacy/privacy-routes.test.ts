import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type CollectorApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { migrate } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import type { Database } from '../../src/db/database';
import { silentLog } from '../../src/http/log';

const shop = 'https://shop.example';
const here = 'http://localhost';
const owner = { email: 'owner@shop.example', password: 'owner password 1' };
const staff = { email: 'staff@shop.example', password: 'staff password 1' };
let db: Database;
let collector: CollectorApp;

const answer = (id: string, user?: string) => JSON.stringify({
  v: 1, id, survey: 'after-checkout', type: 'csat', score: 2, scale: [1, 5], comment: 'ของมาช้า', contact: true, locale: 'th',
  url: `${shop}/checkout/done`, answeredAt: new Date(Date.now() - 60_000).toISOString(), sdk: 'hearback/0.1.0',
  ...(user ? { user: { id: user } } : {}), context: { orderId: `A-${id}` },
});
const post = (body: string, headers: Record<string, string> = {}) =>
  collector.app.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain', origin: shop, ...headers }, body });

async function signIn(who: { email: string; password: string }) {
  const response = await collector.app.request('/signin', { method: 'POST', headers: { 'content-type': 'application/json', origin: here }, body: JSON.stringify(who) });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0];
}

beforeAll(async () => {
  ({ db } = await openDatabase({ dataDir: 'memory' }));
  await migrate(db);
  collector = createApp({ db, config: testConfig({ allowedOrigins: [shop], trustProxy: 1 }), log: silentLog });
  await collector.accounts.users.add({ ...owner, role: 'owner' });
  await collector.accounts.users.add({ ...staff, role: 'staff' });
});
afterAll(() => db.close());

describe('privacy routes', () => {
  test('export and erase are for the signed-in owner only: 401 without, 403 for staff and API tokens', async () => {
    const ownerRow = (await collector.accounts.users.list()).find((u) => u.role === 'owner')!;
    const { secret } = await collector.accounts.apiTokens.create(ownerRow.id, 'automation');
    const staffCookie = await signIn(staff);
    const erase = (headers: Record<string, string>) => collector.app.request('/api/privacy/erase', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: here, ...headers }, body: JSON.stringify({ user: 'u-1' }),
    });
    expect((await collector.app.request('/api/privacy/export?user=u-1')).status).toBe(401);
    expect((await erase({})).status).toBe(401);
    expect((await collector.app.request('/api/privacy/export?user=u-1', { headers: { cookie: staffCookie } })).status).toBe(403);
    expect((await erase({ cookie: staffCookie })).status).toBe(403);
    expect((await collector.app.request('/api/privacy/export?user=u-1', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(403);
    expect((await erase({ authorization: `Bearer ${secret}` })).status).toBe(403);
  });

  test("the owner exports one person's answers, erases them, and nobody else's", async () => {
    for (const [id, user] of [['answer-p1', 'u-1'], ['answer-p2', 'u-1'], ['answer-p3', 'u-2']]) expect((await post(answer(id, user))).status).toBe(201);
    const cookie = await signIn(owner);
    const exported = await collector.app.request('/api/privacy/export?user=u-1', { headers: { cookie } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('access-control-allow-origin')).toBeNull();
    const body = await exported.json();
    expect(body.answers.map((a: { answer: { id: string; comment: string } }) => [a.answer.id, a.answer.comment])).toEqual([['answer-p1', 'ของมาช้า'], ['answer-p2', 'ของมาช้า']]);

    const bad = await collector.app.request('/api/privacy/erase', { method: 'POST', headers: { cookie, origin: here, 'content-type': 'application/json' }, body: '{}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ problems: ['give user (a user id) or answer (an answer id)'] });

    const erased = await collector.app.request('/api/privacy/erase', {
      method: 'POST', headers: { cookie, origin: here, 'content-type': 'application/x-www-form-urlencoded' }, body: 'user=u-1',
    });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ about: 'user u-1', answers: ['answer-p1', 'answer-p2'] });
    const left = await collector.app.request('/api/responses.json', { headers: { cookie } });
    expect((await left.json()).map((r: { id: string }) => r.id)).toEqual(['answer-p3']);
  });
});

describe('client addresses', () => {
  test('are never stored: after posts over real HTTP (and through a proxy), no table holds one', async () => {
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: collector.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const { port } = server.address() as { port: number };
    const forwarded = '203.0.113.77';
    try {
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`http://127.0.0.1:${port}/api/responses`, {
          method: 'POST', headers: { 'content-type': 'text/plain', origin: shop, 'x-forwarded-for': forwarded }, body: answer(`answer-ip-${i}`, `u-ip-${i}`),
        });
        expect(response.status).toBe(201);
      }
      // A sign-in stores a session: it must not keep the address either.
      const signIn = await fetch(`http://127.0.0.1:${port}/signin`, {
        method: 'POST', headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, 'x-forwarded-for': forwarded }, body: JSON.stringify(owner),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['responses', 'sessions', 'users']));
    let scanned = 0;
    for (const { name } of tables) {
      const { rows } = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`);
      scanned += rows.length;
      for (const { row } of rows) {
        expect(row, `a row of ${name}`).not.toContain(forwarded);
        expect(row, `a row of ${name}`).not.toContain('127.0.0.1');
      }
    }
    expect(scanned).toBeGreaterThan(5);
  });
});
