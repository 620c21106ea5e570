// Two collectors on one PostgreSQL server share their rate limits, so a second instance does not
// double what one client may do: sign-in failures (per email and address, per address) and the
// answer route's per-client limit. The answer route keeps no database round trip per answer: its
// counts reach the database about once a second. (PGlite runs one instance: counters in memory.)
// Run by collector/scripts/with-postgres.sh; skipped without DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ADDRESS_ATTEMPTS, SIGN_IN_ATTEMPTS } from '../../src/auth/mount-auth';
import type { Database } from '../../src/db/database';
import { createSharedRateLimiter } from '../../src/http/shared-rate-limiter';
import { answer, OWNER, openTestDatabase, startTestCollector, type TestCollector } from '../harness';

const shop = 'https://shop.example';
const LIMIT = 20;

describe.skipIf(!process.env.DATABASE_URL)('rate limits shared by two instances on one PostgreSQL server', () => {
  let db: Database & { shared(): Promise<Database> };
  let second: Database;
  let instances: TestCollector[];
  let limitStatements = 0;

  beforeAll(async () => {
    db = await openTestDatabase();
    second = await db.shared();
    // Counts the statements on the rate-limit table that the second instance sends.
    const counted: Database = {
      ...second,
      query: (sql, params) => {
        if (sql.includes('rate_limits')) limitStatements += 1;
        return second.query(sql, params);
      },
    };
    const config = { allowedOrigins: [shop], rateLimit: { limit: LIMIT, windowSeconds: 60 }, trustProxy: 1 };
    instances = [await startTestCollector({ db, config }), await startTestCollector({ db: counted, config })];
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances ?? []) await instance.close();
    await second?.close();
    await db?.close();
  });

  const post = (which: number, client: string) => instances[which].request('/api/responses', {
    method: 'POST', headers: { 'content-type': 'text/plain', origin: shop, 'x-forwarded-for': client }, body: JSON.stringify(answer({ survey: 'limits' })),
  });
  const signIn = (which: number, client: string, email: string, password: string) => instances[which].request('/signin', {
    method: 'POST', headers: { 'content-type': 'application/json', origin: instances[which].origin, 'x-forwarded-for': client }, body: JSON.stringify({ email, password }),
  });

  it('one client posting to both instances gets about the limit stored between them, not twice it', async () => {
    const statuses: number[] = [];
    // 3 s of a client alternating between the instances, 4 posts in flight at a time.
    const started = Date.now();
    for (let i = 0; Date.now() - started < 3000 && i < 200; i += 4) {
      statuses.push(...(await Promise.all([0, 1, 0, 1].map(async (which) => (await post(which, '203.0.113.50')).status))));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const stored = statuses.filter((status) => status === 201).length;
    console.log(`one client, two instances, limit ${LIMIT}: ${stored} stored of ${statuses.length} posts`);
    expect(statuses.every((status) => status === 201 || status === 429)).toBe(true);
    expect(stored).toBeGreaterThanOrEqual(LIMIT * 0.75);
    expect(stored).toBeLessThanOrEqual(LIMIT * 1.25);
    // Both instances now know: the client is refused on each, with the window's Retry-After.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    for (const which of [0, 1]) {
      const refused = await post(which, '203.0.113.50');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(1);
    }
    // Another client is not affected.
    expect((await post(1, '203.0.113.51')).status).toBe(201);
  }, 60_000);

  it('200 answers from 200 clients cost the database a few rate-limit statements, not one each', async () => {
    limitStatements = 0;
    for (let i = 0; i < 200; i += 20) {
      const statuses = await Promise.all(Array.from({ length: 20 }, (_, j) => post(1, `198.51.100.${i + j}`).then((r) => r.status)));
      expect(statuses.every((status) => status === 201)).toBe(true);
    }
    console.log(`200 answers from 200 clients: ${limitStatements} rate-limit statements`);
    expect(limitStatements).toBeLessThanOrEqual(10);
  }, 60_000);

  it('failed sign-ins for one email, alternating between the instances, meet the 429 at the same count as on one', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_ATTEMPTS; i++) statuses.push((await signIn(i % 2, '203.0.113.60', OWNER.email, `guess ${i}`)).status);
    expect(statuses).toEqual([...Array(SIGN_IN_ATTEMPTS).fill(401), 429]);
    expect((await signIn(0, '203.0.113.60', OWNER.email, OWNER.password)).status).toBe(429);
  }, 60_000);

  it('failed sign-ins across emails from one address, alternating between the instances, meet the 429 at the same count as on one', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_ADDRESS_ATTEMPTS; i++) statuses.push((await signIn(i % 2, '203.0.113.61', `guess-${i}@shop.example`, 'not the password')).status);
    expect(statuses).toEqual([...Array(SIGN_IN_ADDRESS_ATTEMPTS).fill(401), 429]);
    expect((await signIn(1, '203.0.113.62', OWNER.email, OWNER.password)).status).toBe(200);
  }, 60_000);
});

describe.skipIf(!process.env.DATABASE_URL)('the shared limiter', () => {
  let db: Database & { shared(): Promise<Database> };
  let other: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    other = await db.shared();
    const { migrate } = await import('../../src/db/migrate');
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await other?.close();
    await db?.close();
  });

  it('two limiters on one table, hit in turn as fast as they answer, allow little over the limit between them', async () => {
    const options = { limit: 40, windowSeconds: 60 };
    const limiters = [createSharedRateLimiter(db, 'test', options), createSharedRateLimiter(other, 'test', options)];
    let allowed = 0;
    for (let i = 0; i < 400; i++) {
      if ((await limiters[i % 2].hit('client')).ok) allowed += 1;
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(limiters.map((limiter) => limiter.sync()));
    const { rows } = await db.query<{ count: number }>("SELECT count FROM rate_limits WHERE scope = 'test'");
    console.log(`two limiters, limit 40: ${allowed} allowed, the table counts ${rows[0]?.count}`);
    expect(allowed).toBeGreaterThanOrEqual(30);
    expect(allowed).toBeLessThanOrEqual(46);
    expect(rows[0].count).toBe(allowed);
  });

  it('a database that does not answer keeps the hits for the next sync', async () => {
    let down = true;
    const flaky: Database = { ...db, query: (sql, params) => (down ? Promise.reject(new Error('connection refused')) : db.query(sql, params)) };
    const limiter = createSharedRateLimiter(flaky, 'flaky', { limit: 100, windowSeconds: 60, syncMs: 20 });
    for (let i = 0; i < 5; i++) expect((await limiter.hit('client')).ok).toBe(true);
    await limiter.sync();
    down = false;
    await limiter.sync();
    const { rows } = await db.query<{ count: number }>("SELECT count FROM rate_limits WHERE scope = 'flaky'");
    expect(rows[0].count).toBe(5);
  });
});
