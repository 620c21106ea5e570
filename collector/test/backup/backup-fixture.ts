// A shop's database with something in every table a backup keeps, put there through the app's own
// routes (answers in Thai and English, cases with notes, people, an API token, a LINE channel with
// its token sealed by HEARBACK_SECRET_KEY, a rule and its queued alert, link surveys and their look),
// and every export a person can take of it, to compare after a restore or a move.
import { expect } from 'vitest';
import { createApp, type CollectorApp } from '../../src/app';
import { testConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { TABLES_NOT_KEPT } from '../../src/backup/backup-tables';
import { silentLog } from '../../src/http/log';
import { answer, OWNER } from '../harness';

export const SECRET_KEY = 'a-secret-key-of-at-least-32-characters';
export const STAFF = { email: 'staff@shop.example', password: 'staff password 123' };
const LINE_TOKEN = 'line-channel-access-token-abcdefWXYZ';
const ORIGIN = 'http://localhost';

export interface ShopApp extends CollectorApp {
  /** A same-origin request as the signed-in owner (JSON body when `body` is given). */
  call(method: string, path: string, body?: unknown): Response | Promise<Response>;
  /** A same-origin form post as the signed-in owner. */
  form(path: string, fields: Record<string, string>): Response | Promise<Response>;
  /** A request with only an API token. */
  withToken(path: string, token: string): Response | Promise<Response>;
}

/** The app on `db` (migrated), signed in as the owner, who is created first when `addOwner`. */
export async function shopApp(db: Database, { addOwner = false } = {}): Promise<ShopApp> {
  await migrate(db);
  const collector = createApp({ db, config: testConfig({ secretKey: SECRET_KEY, timezone: 'Asia/Bangkok' }), log: silentLog });
  if (addOwner) await collector.accounts.users.add({ ...OWNER, role: 'owner' });
  const signIn = await collector.app.request('/signin', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
  expect(signIn.status, 'the owner signs in').toBe(200);
  const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
  return {
    ...collector,
    call: (method, path, body) => collector.app.request(path, {
      method, headers: { cookie, origin: ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    form: (path, fields) => collector.app.request(path, { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() }),
    withToken: (path, token) => collector.app.request(path, { headers: { authorization: `Bearer ${token}` } }),
  };
}

export const postAnswer = (shop: ShopApp, body: Record<string, unknown>) =>
  shop.app.request('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer(body)) });

/** Fills the shop; returns the API token's secret (it is shown once). */
export async function seedShop(shop: ShopApp): Promise<{ token: string }> {
  const ok = async (response: Response | Promise<Response>, what: string) => {
    const r = await response;
    expect(r.status, `${what}: ${r.status} ${r.status >= 400 ? await r.clone().text() : ''}`).toBeLessThan(400);
    return r;
  };
  await ok(shop.call('POST', '/api/users', { ...STAFF, role: 'staff' }), 'add staff');
  const token = (await (await ok(shop.call('POST', '/api/tokens', { name: 'รายงาน reporting' }), 'token')).json()).secret as string;
  const channel = (await (await ok(shop.call('POST', '/api/alerts/channels', { kind: 'line', name: 'กลุ่มเจ้าของร้าน', to: `C${'0123456789abcdef'.repeat(2)}`, token: LINE_TOKEN, locale: 'th', quietFrom: '22:00', quietTo: '07:00', digestHour: 18 }), 'channel')).json()).channel;
  await ok(shop.call('POST', '/api/alerts/rules', { name: 'ลูกค้าไม่พอใจ', detractor: true, channels: [channel.id] }), 'rule');
  await ok(shop.form('/links/surveys', { id: 'after-meal', type: 'csat', questionTh: 'อาหารวันนี้เป็นอย่างไรบ้าง', contextKeys: 'branch, table' }), 'link survey');
  await ok(shop.form('/links/surveys', { id: 'receipt', type: 'nps', contextKeys: 'branch', singleUse: 'on' }), 'single-use survey');
  await ok(shop.form('/links/look', { shopName: 'ร้านกาแฟริมน้ำ', colour: '#0f766e' }), 'look');
  const days = ['2026-11-20', '2026-11-21', '2026-11-23', '2026-11-28'];
  for (let i = 0; i < 12; i++) {
    await ok(postAnswer(shop, {
      id: `seed-answer-${i}`, type: 'nps', scale: [0, 10], score: i % 11, survey: i % 3 ? 'after-checkout' : 'after-meal', locale: i % 2 ? 'th' : 'en',
      answeredAt: `${days[i % days.length]}T0${i % 10}:1${i % 6}:00.${String(i * 37).padStart(3, '0')}Z`,
      comment: i % 2 ? `กาแฟเย็นเกินไป ครั้งที่ ${i} 🙏` : `Slow service, visit ${i} — “again”`,
      reasons: i % 4 === 0 ? ['price', 'ราคา'] : undefined, contact: i % 5 === 0 ? true : undefined,
      user: i % 3 === 0 ? { id: `customer-${i}`, email: `c${i}@example.com`, name: 'สมชาย' } : undefined,
      context: { branch: i % 2 ? 'สยาม' : 'silom', order: `A-${1000 + i}`, big: 12345678901234567890 },
    }), `answer ${i}`);
  }
  const cases = (await (await ok(shop.call('GET', '/api/cases?state=open'), 'cases')).json()) as { cases?: { id: string }[]; items?: { id: string }[] };
  const open = (cases.cases ?? cases.items ?? []) as { id: string }[];
  expect(open.length, 'detractors opened cases').toBeGreaterThan(2);
  await ok(shop.call('POST', `/api/cases/${open[0].id}/state`, { state: 'contacted', note: 'โทรหาลูกค้าแล้ว' }), 'case contacted');
  await ok(shop.call('POST', `/api/cases/${open[1].id}/state`, { state: 'resolved' }), 'case resolved');
  await ok(shop.call('POST', `/api/cases/${open[2].id}/notes`, { note: 'Called back, left a message' }), 'case note');
  return { token };
}

/** Everything a person can read back, as text: the exports and API listings, then every kept table's rows. */
export async function shopExports(shop: ShopApp, db: Database): Promise<Record<string, unknown>> {
  const read = async (path: string) => {
    const response = await shop.call('GET', path);
    expect(response.status, path).toBe(200);
    const text = await response.text();
    // When the export was made is the one thing that differs.
    return response.headers.get('content-type')?.includes('json') ? JSON.parse(text, (key, value) => (key === 'exportedAt' ? undefined : value)) : text;
  };
  const exported: Record<string, unknown> = {};
  for (const path of ['/api/responses.json', '/api/responses.csv', '/api/cases', '/api/cases?state=contacted', '/api/cases?state=resolved', '/api/cases/figures',
    '/api/summary?from=2026-11-01&to=2026-11-30', '/api/comments', '/api/alerts', '/api/users', '/api/tokens', '/api/privacy/export?user=customer-3', '/links/after-meal']) {
    exported[path] = await read(path);
  }
  const { rows } = await db.query<{ name: string; rows: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 1`);
  for (const { name } of rows.filter((table) => !TABLES_NOT_KEPT.has(table.name))) {
    const table = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t ORDER BY 1`);
    exported[`table ${name}`] = table.rows.map((r) => r.row);
  }
  return exported;
}
