// A single-use survey takes one answer per order, whatever spelling of the order number a second
// answer sends to the public endpoint (case, white space, full-width or invisible characters).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderClaimKey } from '../../src/links/single-use';
import { answer, asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';
import { signed } from '../links/signed';

const variants = ['a17', ' A17', 'A17 ', 'A 17', '\tA17\n', 'Ａ１７', 'A\u200B17', 'a\u00a017'];

describe('orderClaimKey', () => {
  it.each(variants)('reads %j as the order A17', (variant) => {
    expect(orderClaimKey(variant)).toBe(orderClaimKey('A17'));
  });
  it('keeps different orders apart', () => {
    expect(orderClaimKey('A17')).not.toBe(orderClaimKey('A171'));
    expect(orderClaimKey('ก17')).not.toBe(orderClaimKey('ข17'));
  });
});

describe(`single-use orders cannot be answered twice by respelling them (${databaseKind})`, () => {
  let collector: TestCollector;
  let owner: string;
  const post = (body: unknown) =>
    collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain', origin: collector.origin }, body: JSON.stringify(body) });

  beforeAll(async () => {
    collector = await startTestCollector({ config: { rateLimit: { limit: 0, windowSeconds: 60 } } });
    owner = await signIn(collector);
    const created = await collector.request('/links/surveys', {
      method: 'POST',
      headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams({ id: 'receipt', type: 'csat', singleUse: 'on' }),
    });
    expect(created.status).toBe(303);
  }, 60_000);
  afterAll(() => collector?.close());

  // Each variant signed as if the shop had made its link: the claim key, not the signature, is under test.
  it('stores the first answer for A17 and refuses every variant with 409; the survey page says already counted', async () => {
    const csat = { survey: 'receipt', type: 'csat', score: 2, scale: [1, 5] };
    expect((await post(answer({ ...csat, context: await signed(collector.db, 'receipt', { order: 'A17' }) }))).status).toBe(201);
    for (const order of variants) {
      const response = await post(answer({ ...csat, context: await signed(collector.db, 'receipt', { order }) }));
      expect(response.status, JSON.stringify(order)).toBe(409);
    }
    const exported = await (await collector.request('/api/responses.json?survey=receipt', { headers: { cookie: owner } })).json();
    expect(exported.responses).toHaveLength(1);
    const page = await (await collector.request(`/s/receipt?${new URLSearchParams(await signed(collector.db, 'receipt', { order: 'a17' }))}`)).text();
    expect(page).toContain('already counted');
  });

  it('an order that is only white space counts as missing (400)', async () => {
    const response = await post(answer({ survey: 'receipt', type: 'csat', score: 2, scale: [1, 5], context: { order: ' \u200B ' } }));
    expect(response.status).toBe(400);
  });
});
