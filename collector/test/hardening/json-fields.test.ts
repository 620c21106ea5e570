// Routes that take a form or a JSON body read JSON true/false and numbers as a form would send
// them, so automation's `{ "singleUse": true }` is not silently dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';

describe(`JSON bodies on form routes (${databaseKind})`, () => {
  let collector: TestCollector;
  let owner: string;
  const postJson = (path: string, body: unknown) =>
    collector.request(path, { method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/json' }), body: JSON.stringify(body) });

  beforeAll(async () => {
    collector = await startTestCollector();
    owner = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it('creates a single-use survey from { singleUse: true }, and changes it back with { existing: true, singleUse: false }', async () => {
    const created = await postJson('/links/surveys', { id: 'receipt', type: 'nps', singleUse: true });
    expect(created.status).toBe(200);
    expect((await created.json()).survey.singleUse).toBe(true);
    // A single-use survey's page needs the order in its link.
    expect((await collector.request('/s/receipt')).status).toBe(400);

    const changed = await postJson('/links/surveys', { id: 'receipt', type: 'nps', existing: true, singleUse: false });
    expect(changed.status).toBe(200);
    expect((await changed.json()).survey.singleUse).toBe(false);
  });

  it('still ignores objects, arrays and null rather than failing', async () => {
    const response = await postJson('/links/surveys', { id: { x: 1 }, type: ['nps'], questionEn: null });
    expect(response.status).toBe(400);
    expect((await response.json()).problems.join(' ')).toMatch(/^id: /);
  });
});
