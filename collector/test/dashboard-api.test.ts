// The dashboard's and the inbox's HTTP API on a real server: sign-in on every read, readable 400s
// for bad filters, the CSRF check on state changes, cases opened with the answer, exports that say
// when they are cut. PGlite, or PostgreSQL with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, asBrowser, databaseKind, scales, signIn, startTestCollector, type TestCollector } from './harness';

describe(`dashboard and inbox API (${databaseKind})`, () => {
  let collector: TestCollector;
  let cookie: string;
  const get = async (path: string) => {
    const response = await collector.request(path, { headers: { cookie } });
    return { status: response.status, headers: response.headers, body: path.includes('.csv') ? await response.text() : await response.json() };
  };
  const post = (body: unknown) => collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    collector = await startTestCollector({ config: { timezone: 'Asia/Bangkok', rateLimit: { limit: 0, windowSeconds: 60 } } });
    cookie = await signIn(collector);
    const send = (type: keyof typeof scales, score: number, extra = {}) => post(answer({ survey: 'api', type, score, scale: scales[type], ...extra }));
    await send('nps', 2, { id: 'api-unhappy', comment: 'Late again', contact: true, user: { id: 'u-1', name: 'Somchai', phone: '081-000-0000' }, context: { branch: 'Siam', orderId: 'A17' } });
    await send('nps', 10, { id: 'api-happy', comment: 'Lovely', context: { branch: 'Chiang Mai' } });
    for (let i = 0; i < 4; i++) await send('csat', 5, { context: { branch: 'Siam' } });
  }, 60_000);
  afterAll(() => collector?.close());

  it('answers 401 without sign-in on every read route, with no CORS header', async () => {
    for (const path of ['/api/summary', '/api/filters', '/api/comments', '/api/cases', '/api/cases/figures', '/api/cases/api-unhappy', '/api/responses.json', '/api/responses.csv']) {
      const response = await collector.request(path, { headers: { origin: 'https://evil.example' } });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    expect((await collector.request('/inbox')).status).toBe(303);
  });

  it('opens a case with the detractor, not with the promoter, carrying who and which order', async () => {
    const { body } = await get('/api/cases?survey=api');
    expect(body.items.map((c: { id: string }) => c.id)).toEqual(['api-unhappy']);
    expect(body.items[0]).toMatchObject({ state: 'open', answer: { user: { name: 'Somchai', phone: '081-000-0000' }, context: { orderId: 'A17', branch: 'Siam' }, contact: true } });
  });

  it('refuses bad filters and parameters with 400 and a sentence naming each', async () => {
    const bad = await get('/api/summary?type=stars&range=year&context.bad key=x&unit=day');
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([
      'context.bad key: the key must be 1–64 letters, digits, "_", "." or "-"',
      'range: "year" must be one of 7d, 30d, 90d, quarter, all',
      'type: "stars" must be nps, csat or ces',
    ]);
    expect((await get('/api/summary?unit=day')).body.problems).toEqual(['unit: "day" must be week or month']);
    expect((await get('/api/summary?from=2026-11-30&to=2026-11-01')).body.problems).toEqual(['from: 2026-11-30 is after to: 2026-11-01']);
    expect((await get('/api/comments?cursor=nonsense')).body.problems).toEqual(['cursor: not one this API gave out; start again without it']);
    expect((await get('/api/cases?state=closed')).body.problems).toEqual(['state: "closed" must be open, contacted, resolved']);
    expect((await get('/api/responses.json?limit=0')).body.problems).toEqual(['limit: "0" must be a whole number from 1 to 100000']);
  });

  it('moves a case only from the app’s own pages (CSRF) or with a token, and says which moves are allowed', async () => {
    const move = (headers: Record<string, string>, body: unknown) =>
      collector.request('/api/cases/api-unhappy/state', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await move({ cookie, origin: 'https://evil.example' }, { state: 'contacted' })).status).toBe(403);
    expect((await move({ cookie }, { state: 'contacted' })).status).toBe(403);
    const wrong = await move(asBrowser(collector, cookie), { state: 'done' });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).problems).toEqual(['state: "done" must be open, contacted, resolved']);
    const contacted = await move(asBrowser(collector, cookie), { state: 'contacted', note: 'Called, will resend' });
    expect(contacted.status).toBe(200);
    expect(await contacted.json()).toMatchObject({ state: 'contacted', contactedBy: 'owner@shop.example', note: 'Called, will resend' });
    const again = await move(asBrowser(collector, cookie), { state: 'contacted' });
    expect(again.status).toBe(409);
    expect((await again.json()).problems).toEqual(['state: a contacted case can move to resolved or open, not to contacted']);
    expect((await move(asBrowser(collector, cookie), { state: 'resolved' })).status).toBe(200);
    expect((await get('/api/cases/figures?survey=api')).body).toMatchObject({ total: 1, resolved: 1, closedShare: 100 });
    const note = await collector.request('/api/cases/api-unhappy/notes', { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/json' }), body: JSON.stringify({ note: '' }) });
    expect(note.status).toBe(400);
    expect((await collector.request('/api/cases/no-such/notes', { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/json' }), body: JSON.stringify({ note: 'x' }) })).status).toBe(404);
  });

  it('exports say when they are cut: a header, a JSON field and a last CSV line', async () => {
    const whole = await get('/api/responses.json?survey=api');
    expect(whole.headers.get('x-hearback-truncated')).toBe('false');
    expect(whole.body).toMatchObject({ truncated: false, total: 6 });
    const cut = await get('/api/responses.json?survey=api&limit=2');
    expect(cut.headers.get('x-hearback-truncated')).toBe('true');
    expect(cut.headers.get('x-hearback-total')).toBe('6');
    expect(cut.body).toMatchObject({ truncated: true, total: 6, limit: 2 });
    expect(cut.body.responses).toHaveLength(2);
    const csv = await get('/api/responses.csv?survey=api&limit=2&context.branch=Siam');
    expect(csv.headers.get('x-hearback-truncated')).toBe('true');
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines.at(-1)).toBe('# truncated: this file holds the newest 2 of 5 answers; narrow the dates or filters to get the rest');
  });

  it('gives the dashboard its summary, broken down by a context key, and its comments', async () => {
    const { body } = await get('/api/summary?survey=api&by=branch');
    expect(body.summary.nps).toMatchObject({ promoters: 1, detractors: 1, value: 0 });
    expect(body.breakdown.rows.map((r: { value: string; responses: number }) => [r.value, r.responses])).toEqual([['Siam', 5], ['Chiang Mai', 1]]);
    expect(body.contextKeys.map((k: { key: string }) => k.key)).toEqual(expect.arrayContaining(['branch', 'orderId']));
    expect(body.cases).toMatchObject({ total: 1, resolved: 1 });
    const comments = await get('/api/comments?survey=api&search=late');
    expect(comments.body.items.map((c: { id: string }) => c.id)).toEqual(['api-unhappy']);
  });
});
