// The public answer route's guards beyond the payload's shape: the receiver kit's rules (scale
// fixed by type, answeredAt window, depth and size of context/user) and the per-client rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, databaseKind, signIn, startTestCollector, type TestCollector } from './harness';

describe(`what the receiver refuses with 400, never 5xx (${databaseKind})`, () => {
  let collector: TestCollector;
  let cookie: string;
  const post = (body: string) => collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
  const stored = async (survey: string) => (await (await collector.request(`/api/responses.json?survey=${survey}`, { headers: { cookie } })).json()).responses.length;

  beforeAll(async () => {
    collector = await startTestCollector();
    cookie = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it('an nps answer on a 0–1000 scale (it would count as a promoter)', async () => {
    const response = await post(JSON.stringify(answer({ survey: 'scale', type: 'nps', scale: [0, 1000], score: 1000 })));
    expect(response.status).toBe(400);
    expect((await response.json()).problems).toContain('scale must be [0, 10] for type "nps" (got [0,1000])');
    expect(await stored('scale')).toBe(0);
  });

  it('an sdk of 40,000 characters, a reason of 2,000, ids with "/", an emoji or a bidi control', async () => {
    const refused = async (overrides: Record<string, unknown>, problem: RegExp) => {
      const response = await post(JSON.stringify(answer({ survey: 'bounds', ...overrides })));
      expect(response.status).toBe(400);
      expect((await response.json()).problems).toEqual([expect.stringMatching(problem)]);
    };
    await refused({ sdk: 'x'.repeat(40_000) }, /^sdk must be like "hearback\/0\.1\.0": 1–64 letters, digits/);
    await refused({ reasons: ['Delivery', 'x'.repeat(2_000)] }, /^reasons\.1 must be at most 100 characters/);
    await refused({ reasons: Array.from({ length: 21 }, (_, i) => `reason ${i}`) }, /^reasons must have at most 20 items/);
    for (const id of ['order/1001/answer', 'answer-😀-1234', 'answer-\u202e4321', 'x'.repeat(65)]) {
      await refused({ id }, /^id must be 8–64 letters, digits, "-", "_"/);
    }
    await refused({ key: 'not a key' }, /^key must be 22–128 letters, digits, "-", "_"/);
    expect(await stored('bounds')).toBe(0);
  });

  it('an answer dated in 2099, and one more than a year old', async () => {
    const future = await post(JSON.stringify(answer({ survey: 'dates', answeredAt: '2099-01-01T00:00:00.000Z' })));
    expect(future.status).toBe(400);
    expect((await future.json()).problems).toEqual(['answeredAt is more than 5 minutes in the future (got "2099-01-01T00:00:00.000Z")']);
    const ancient = await post(JSON.stringify(answer({ survey: 'dates', answeredAt: '2020-01-01T00:00:00.000Z' })));
    expect(ancient.status).toBe(400);
    expect(await stored('dates')).toBe(0);
  });

  it('a context nested 5,000 deep, and a user too large', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const body = JSON.stringify(answer({ survey: 'deep', context: 0 })).replace('"context":0', `"context":${deep}`);
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).problems[0]).toMatch(/^context must be nested at most 5 levels deep/);
    const large = await post(JSON.stringify(answer({ survey: 'deep', user: { id: 'u-1', note: 'ก'.repeat(1500) } })));
    expect(large.status).toBe(400);
    expect((await large.json()).problems[0]).toMatch(/^user must be at most 4,096 bytes as JSON/);
    expect(await stored('deep')).toBe(0);
  });
});

describe(`the per-client rate limit (${databaseKind})`, () => {
  let collector: TestCollector;
  let time = Date.parse('2026-11-30T12:00:00.000Z');
  const post = (body: object, forwardedFor?: string) => collector.request('/api/responses', {
    method: 'POST', headers: { 'content-type': 'text/plain', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) }, body: JSON.stringify(body),
  });

  beforeAll(async () => {
    collector = await startTestCollector({ config: { rateLimit: { limit: 5, windowSeconds: 60 }, trustProxy: 1 }, now: () => new Date(time) });
  }, 60_000);
  afterAll(() => collector?.close());

  it('answers 429 with Retry-After past the limit, and lets the same answer in once the window has passed', async () => {
    const burst = Array.from({ length: 8 }, () => answer({ survey: 'burst', answeredAt: new Date(time).toISOString() }));
    const statuses = [];
    for (const body of burst) statuses.push(await post(body, '203.0.113.7'));
    expect(statuses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const refused = statuses[5];
    expect(Number(refused.headers.get('retry-after'))).toBe(60);
    expect((await refused.json()).problems[0]).toMatch(/too many answers from one client; try again in 60 s/);

    // Another client (behind the same trusted proxy) is not held back.
    expect((await post(answer({ survey: 'burst', answeredAt: new Date(time).toISOString() }), '198.51.100.2')).status).toBe(201);

    time += 61_000; // the SDK waits Retry-After, then retries the same answers
    for (const body of burst.slice(5)) expect((await post(body, '203.0.113.7')).status).toBe(201);
  });
});
