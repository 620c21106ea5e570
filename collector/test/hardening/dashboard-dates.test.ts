// Dates in the dashboard's filters that do not exist, or lie where the database cannot follow
// (year 0, a previous period before year 1), are a 400 naming the field, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';

describe(`dashboard date filters (${databaseKind})`, () => {
  let collector: TestCollector;
  let owner: string;

  beforeAll(async () => {
    collector = await startTestCollector();
    owner = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it.each([
    ['from=2026-02-30', /^from: "2026-02-30" is not a calendar day/],
    ['to=2026-04-31', /^to: "2026-04-31" is not a calendar day/],
    ['from=0000-01-01', /^from: /],
    ['from=0001-01-01&to=9999-12-31', /^from: "0001-01-01" must be a day from 2000-01-01 to 2099-12-31/],
  ])('%s → 400 on the summary, the comments and the exports', async (query, problem) => {
    for (const path of ['/api/summary', '/api/comments', '/api/responses.json', '/api/responses.csv']) {
      const response = await collector.request(`${path}?${query}`, { headers: { cookie: owner } });
      expect(response.status, path).toBe(400);
      expect((await response.json()).problems[0], path).toMatch(problem);
    }
  });

  it('still takes real days, leap days included', async () => {
    for (const query of ['from=2024-02-29&to=2024-03-01', 'from=2026-11-01&to=2026-11-30']) {
      expect((await collector.request(`/api/summary?${query}`, { headers: { cookie: owner } })).status, query).toBe(200);
    }
  });
});
