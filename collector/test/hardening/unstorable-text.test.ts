// Text no database can hold (a NUL character, an unpaired surrogate) is bad input: 400 with the
// field named, never 503 (the widget would keep the answer and retry it for ever) and never 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, databaseKind, startTestCollector, type TestCollector } from '../harness';

const SHOP = 'https://shop.example';

describe(`answers with text no database stores (${databaseKind})`, () => {
  let collector: TestCollector;
  const post = (raw: string) =>
    collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain', origin: SHOP }, body: raw });
  // JSON.stringify writes U+0000 as the escape \u0000 and a lone surrogate as \udXXX, as a client would send them.
  const body = (overrides: Record<string, unknown>) => JSON.stringify(answer({ answeredAt: new Date().toISOString(), ...overrides }));

  beforeAll(async () => {
    collector = await startTestCollector({ config: { allowedOrigins: [SHOP], rateLimit: { limit: 0, windowSeconds: 60 } } });
  }, 60_000);
  afterAll(() => collector?.close());

  it.each([
    ['comment', { comment: 'a\u0000b' }, /^comment contains a NUL character/],
    ['context value', { context: { branch: 'Siam\u0000' } }, /^context\.branch contains a NUL character/],
    ['context key', { context: { ['k\u0000']: 'v' } }, /^context has a key with a NUL character/],
    ['user id', { user: { id: 'u\u0000' } }, /^user\.id contains a NUL character/],
    ['lone surrogate', { comment: 'x \ud800 y' }, /^comment contains an unpaired UTF-16 surrogate/],
  ])('refuses a %s with 400 naming the field', async (_name, overrides, problem) => {
    const response = await post(body(overrides));
    expect(response.status).toBe(400);
    expect((await response.json()).problems[0]).toMatch(problem);
  });

  it('still stores emoji and Thai', async () => {
    expect((await post(body({ comment: 'อร่อยมาก 👍🏽' }))).status).toBe(201);
  });
});
