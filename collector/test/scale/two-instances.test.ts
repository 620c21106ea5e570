// Two collectors on one database, as a shop behind a load balancer runs them on PostgreSQL (and, in
// the PGlite run, two apps on one PGlite): an answer posted to both at once — the widget retrying
// while its first post is still in flight — is stored once, and the answer hooks run once for it.
// `collector/scripts/with-postgres.sh` runs this file against a throw-away PostgreSQL cluster.
// (That a session started on one instance holds on the other is tested in auth.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database';
import { answer, databaseKind, openTestDatabase, signIn, startTestCollector, type TestCollector } from '../harness';

const shop = 'https://shop.example';
let db: Database & { shared(): Promise<Database> };
let second: Database;
let instances: TestCollector[];
const hookRuns = new Map<string, number>();

describe(`two instances on one database (${databaseKind})`, () => {
  beforeAll(async () => {
    db = await openTestDatabase();
    second = await db.shared();
    const config = { allowedOrigins: [shop], rateLimit: { limit: 0, windowSeconds: 60 } };
    instances = [await startTestCollector({ db, config }), await startTestCollector({ db: second, config })];
    for (const instance of instances) {
      instance.answerHooks.onAnswerStored(async (_tx, stored) => void hookRuns.set(stored.id, (hookRuns.get(stored.id) ?? 0) + 1));
    }
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances ?? []) await instance.close();
    await second?.close();
    await db?.close();
  });

  it('store every distinct answer once when duplicates race to both', async () => {
    const distinct = 300;
    const bodies = Array.from({ length: distinct }, (_, i) => JSON.stringify(answer({
      survey: 'race', type: 'nps', score: i % 11, scale: [0, 10], locale: 'th', answeredAt: new Date(Date.now() - 60_000).toISOString(),
      ...(i % 5 === 0 ? { comment: 'ช้าไปหน่อย', contact: true, user: { id: `u-${i}` } } : {}),
    })));
    // Each answer goes to both instances at the same moment; every third once more to the first.
    const posts = bodies.flatMap((body, i) => [[0, body], [1, body], ...(i % 3 === 0 ? [[0, body]] : [])] as Array<[number, string]>);
    const statuses = new Map<string, number[]>();
    const post = async ([which, body]: [number, string]) => {
      const response = await instances[which].request('/api/responses', {
        method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: shop }, body,
      });
      const id = JSON.parse(body).id;
      statuses.set(id, [...(statuses.get(id) ?? []), response.status]);
    };
    // 40 posts in flight at a time (bounded); the posts of one answer are adjacent, so they race.
    for (let start = 0; start < posts.length; start += 40) await Promise.all(posts.slice(start, start + 40).map(post));

    for (const [id, codes] of statuses) {
      expect({ id, created: codes.filter((code) => code === 201).length }).toEqual({ id, created: 1 });
      expect(codes.every((code) => code === 201 || code === 200)).toBe(true);
      expect(hookRuns.get(id)).toBe(1);
    }
    const cookie = await signIn(instances[1]);
    const { responses: stored }: { responses: Array<{ id: string }> } = await (await instances[1].request('/api/responses.json?survey=race', { headers: { cookie } })).json();
    expect(stored).toHaveLength(distinct);
    expect(new Set(stored.map((row) => row.id))).toEqual(new Set(bodies.map((body) => JSON.parse(body).id)));
  }, 120_000);
});
