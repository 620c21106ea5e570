// Two collectors on one PostgreSQL, as a shop behind a load balancer runs them: what one instance
// knows (a session, an answer) the other knows, and an answer posted to both at once (the widget
// retrying while the first post is still in flight) is stored once. Needs DATABASE_URL
// (collector/scripts/with-postgres.sh runs it against a throw-away cluster); skipped without.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createApp, type CollectorApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { createPostgresDatabase } from '../../src/db/postgres-database';
import { migrate } from '../../src/db/migrate';
import type { Database } from '../../src/db/database';
import { silentLog } from '../../src/http/log';

const url = process.env.DATABASE_URL;
const schema = `hb_two_${randomUUID().slice(0, 8)}`;
const shop = 'https://shop.example';
const owner = { email: 'owner@shop.example', password: 'two instances, one database' };

interface Instance { collector: CollectorApp; db: Database; server: ServerType; origin: string }
let instances: Instance[] = [];

async function start(): Promise<Instance> {
  const db = await createPostgresDatabase({ connectionString: url!, searchPath: schema, log: () => {} });
  const collector = createApp({ db, config: testConfig({ allowedOrigins: [shop], rateLimit: { limit: 0, windowSeconds: 60 } }), log: silentLog });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: collector.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return { collector, db, server, origin: `http://127.0.0.1:${port}` };
}

describe.skipIf(!url)('two instances on one PostgreSQL', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    instances = [await start(), await start()];
    // Both migrate at once, as two instances starting together do: the lock makes it happen once.
    const applied = await Promise.all(instances.map((i) => migrate(i.db)));
    expect(applied.flat().sort()).toEqual(applied.find((a) => a.length)!.sort());
    await instances[0].collector.accounts.users.add({ ...owner, role: 'owner' });
  }, 60_000);

  afterAll(async () => {
    for (const { server, db } of instances) {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    }
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  test('a session started on one instance is honoured on the other, and ended on both', async () => {
    const [a, b] = instances;
    const signIn = await fetch(`${a.origin}/signin`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: a.origin }, body: JSON.stringify(owner),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    expect(cookie).toMatch(/^hearback_session=hb_session_/);

    const onB = await fetch(`${b.origin}/api/responses.json`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(onB.headers.get('access-control-allow-origin')).toBeNull();

    const signOut = await fetch(`${b.origin}/signout`, { method: 'POST', headers: { cookie, origin: b.origin }, redirect: 'manual' });
    expect(signOut.status).toBe(303);
    expect((await fetch(`${a.origin}/api/responses.json`, { headers: { cookie } })).status).toBe(401);
  });

  test('every distinct answer is stored once when duplicates race to both instances', async () => {
    const distinct = 300;
    const answers = Array.from({ length: distinct }, (_, i) => JSON.stringify({
      v: 1, id: `race-${randomUUID()}`, survey: 'race', type: 'nps', score: i % 11, scale: [0, 10], locale: 'th',
      url: `${shop}/checkout/done`, answeredAt: new Date(Date.now() - 60_000).toISOString(), sdk: 'hearback/0.1.0',
      ...(i % 5 === 0 ? { comment: 'ช้าไปหน่อย', contact: true, user: { id: `u-${i}` } } : {}),
    }));
    // Each answer goes to both instances at the same moment; every third once more to the first.
    const posts = answers.flatMap((body, i) => [[0, body], [1, body], ...(i % 3 === 0 ? [[0, body]] : [])] as Array<[number, string]>);
    const statuses: Record<string, number> = {};
    const perAnswer = new Map<string, number[]>();
    const post = async ([which, body]: [number, string]) => {
      const response = await fetch(`${instances[which].origin}/api/responses`, {
        method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: shop }, body,
      });
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const id = JSON.parse(body).id;
      perAnswer.set(id, [...(perAnswer.get(id) ?? []), response.status]);
    };
    // 40 in flight at a time, bounded; the pairs of one answer are adjacent, so they race.
    for (let start = 0; start < posts.length; start += 40) await Promise.all(posts.slice(start, start + 40).map(post));

    expect(statuses[201]).toBe(distinct);
    expect((statuses[200] ?? 0) + (statuses[201] ?? 0)).toBe(posts.length);
    for (const [, codes] of perAnswer) expect(codes.filter((code) => code === 201)).toHaveLength(1);
    const { rows } = await instances[0].db.query<{ id: string; copies: number }>(
      `SELECT id, count(*)::int AS copies FROM responses WHERE survey = 'race' GROUP BY id`);
    expect(rows).toHaveLength(distinct);
    expect(rows.every((row) => row.copies === 1)).toBe(true);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(answers.map((body) => JSON.parse(body).id)));
  }, 60_000);
});
