// The answer receiver and the exports, on PGlite or (with DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate';
import { answer, asBrowser, databaseKind, scales, signIn, startTestCollector, type TestCollector } from './harness';

const SHOP = 'https://shop.example';

describe(`answers in and out (${databaseKind})`, () => {
  let collector: TestCollector;
  let cookie: string;
  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8', origin: SHOP }) =>
    collector.request('/api/responses', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const get = async (path: string) => {
    const response = await collector.request(path, { headers: { cookie } });
    return { status: response.status, headers: response.headers, body: path.includes('.csv') ? await response.text() : await response.json() };
  };

  beforeAll(async () => {
    collector = await startTestCollector({ config: { allowedOrigins: [SHOP, 'https://kiosk.shop.example'], rateLimit: { limit: 0, windowSeconds: 60 } } });
    cookie = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it('stores an answer sent as text/plain (the SDK default) and as application/json', async () => {
    const plain = answer({ survey: 'bodies', comment: 'ส่งของเร็วมาก' });
    const json = answer({ survey: 'bodies' });
    expect((await post(plain)).status).toBe(201);
    expect((await post(json, { 'content-type': 'application/json', origin: SHOP })).status).toBe(201);
    const body = (await get('/api/responses.json?survey=bodies')).body.responses;
    expect(body.map((r: { id: string }) => r.id).sort()).toEqual([plain.id, json.id].sort());
    expect(body.find((r: { id: string }) => r.id === plain.id)).toMatchObject({ comment: 'ส่งของเร็วมาก', score: 4, scale: [1, 5], answeredAt: plain.answeredAt });
  });

  it('answers the CORS preflight of an allowed origin, and marks its responses readable by that origin only', async () => {
    const preflight = await collector.request('/api/responses', {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', 'access-control-request-private-network': 'true' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(preflight.headers.get('access-control-allow-private-network')).toBe('true');
    expect(preflight.headers.get('vary')).toMatch(/origin/i);
    const response = await post(answer(), { 'content-type': 'application/json', origin: SHOP });
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
  });

  it('refuses a foreign origin with 403 and a problem naming the setting, which that page may read (its preflight gets no CORS)', async () => {
    const foreign = answer({ survey: 'foreign' });
    const response = await post(foreign, { 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    // Readable, so the widget there can keep the answer and print the one line that names the fix.
    expect(response.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await response.json()).problems[0]).toMatch(/https:\/\/evil\.example.*HEARBACK_ALLOWED_ORIGINS/);
    const preflight = await collector.request('/api/responses', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(foreign, { 'content-type': 'text/plain', origin: 'null' })).status).toBe(403);
    expect((await get('/api/responses.json?survey=foreign')).body.responses).toEqual([]);
  });

  it('accepts answers from its own pages and from servers (no Origin header)', async () => {
    expect((await post(answer({ survey: 'own' }), { 'content-type': 'text/plain', origin: collector.origin })).status).toBe(201);
    expect((await post(answer({ survey: 'own' }), { 'content-type': 'application/json' })).status).toBe(201);
    expect((await get('/api/responses.json?survey=own')).body.responses).toHaveLength(2);
  });

  it('deduplicates on id: the repeat answers 200 { duplicate: true } and stores nothing new', async () => {
    const first = answer({ survey: 'dedupe', comment: 'first' });
    expect((await post(first)).status).toBe(201);
    const again = await post({ ...first, comment: 'changed on retry' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: first.id, duplicate: true });
    const body = (await get('/api/responses.json?survey=dedupe')).body.responses;
    expect(body).toHaveLength(1);
    expect(body[0].comment).toBe('first');
  });

  it('a repeat with the answer\'s key that adds the follow-up completes the stored answer (score sent on page hide, comment later)', async () => {
    const scoreOnly = answer({ survey: 'amend', key: 'q3Xk0v_2-Lm9Zt7RbY1cWdEa' });
    expect((await post(scoreOnly)).status).toBe(201);
    const amended = await post({ ...scoreOnly, comment: 'added later', reasons: ['Delivery'] });
    expect(amended.status).toBe(200);
    expect(await amended.json()).toEqual({ id: scoreOnly.id, duplicate: true, completed: true });
    const again = await post({ ...scoreOnly, comment: 'added later', reasons: ['Delivery'] });
    expect(await again.json()).toEqual({ id: scoreOnly.id, duplicate: true });
    const body = (await get('/api/responses.json?survey=amend')).body.responses;
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ comment: 'added later', reasons: ['Delivery'] });
  });

  it('stores an answer once when its retries race each other', async () => {
    const raced = answer({ survey: 'race' });
    const statuses = await Promise.all(Array.from({ length: 20 }, () => post(raced).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect((await get('/api/responses.json?survey=race')).body.responses).toHaveLength(1);
  });

  it('refuses bad payloads with 400 and readable problems, other content types with 415', async () => {
    const out = await post(answer({ survey: 'bad', score: 12 }));
    expect(out.status).toBe(400);
    expect(await out.json()).toEqual({ problems: ['score must lie within scale (got 12)'] });
    const broken = await post('{"v":1,');
    expect(broken.status).toBe(400);
    expect((await broken.json()).problems[0]).toMatch(/^body is not valid JSON/);
    const form = await post('a=1', { 'content-type': 'application/x-www-form-urlencoded', origin: SHOP });
    expect(form.status).toBe(415);
    expect((await get('/api/responses.json?survey=bad')).body.responses).toEqual([]);
  });

  it('refuses bodies over 64 KB with 413 and stores nothing', async () => {
    const huge = answer({ survey: 'huge', comment: 'x'.repeat(70 * 1024) });
    const response = await post(huge);
    expect(response.status).toBe(413);
    expect((await response.json()).problems[0]).toBe('body must be at most 65536 bytes');
    expect((await get('/api/responses.json?survey=huge')).body.responses).toEqual([]);
  });

  it('counts a chunked body (no Content-Length) while reading it: 413 past 64 KB, stored when within', async () => {
    const chunked = (text: string) => collector.request('/api/responses', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: SHOP },
      body: new ReadableStream({ start(controller) {
        for (let at = 0; at < text.length; at += 16_384) controller.enqueue(new TextEncoder().encode(text.slice(at, at + 16_384)));
        controller.close();
      } }),
      duplex: 'half',
    } as RequestInit);
    const huge = await chunked(JSON.stringify(answer({ survey: 'chunked', comment: 'x'.repeat(70 * 1024) })));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ problems: ['body must be at most 65536 bytes'] });
    expect((await chunked(JSON.stringify(answer({ survey: 'chunked' })))).status).toBe(201);
    expect((await get('/api/responses.json?survey=chunked')).body.responses).toHaveLength(1);
  });

  it('exports JSON and CSV filtered by survey and dates (both ends inclusive)', async () => {
    const days = ['2026-10-01T09:00:00.000Z', '2026-10-15T23:59:00.000Z', '2026-10-31T12:00:00.000Z'];
    for (const [i, answeredAt] of days.entries()) {
      expect((await post(answer({ survey: 'export', answeredAt, comment: i === 1 ? '=SUM(A1), "quoted"' : undefined }))).status).toBe(201);
    }
    await post(answer({ survey: 'export-other', answeredAt: days[1] }));
    const json = await get('/api/responses.json?survey=export&from=2026-10-15&to=2026-10-31');
    expect(json.body.responses.map((r: { answeredAt: string }) => r.answeredAt)).toEqual([days[2], days[1]]);
    const csv = await get('/api/responses.csv?survey=export&from=2026-10-02&to=2026-10-15');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,survey,type,score,scale_min,scale_max,band,comment,reasons,contact,mode,locale,url,answered_at,received_at,user_id,context,contact_phone,contact_email,contact_line');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`export,csat,4,1,5,promoter,"'=SUM(A1), ""quoted""",`);
    expect((await get('/api/responses.json?from=yesterday')).status).toBe(400);
  });

  it('exports context and user keys named constructor, toString or hasOwnProperty as they came', async () => {
    const tricky = { constructor: 'counter-3', toString: 'table-7', hasOwnProperty: 'yes' };
    expect((await post(answer({ survey: 'tricky-keys', context: tricky, user: { id: 'u-1', ...tricky } }))).status).toBe(201);
    const [record] = (await get('/api/responses.json?survey=tricky-keys')).body.responses;
    expect(record).toMatchObject({ context: tricky, user: { id: 'u-1', ...tricky } });
    const csv = (await get('/api/responses.csv?survey=tricky-keys')).body as string;
    for (const pair of ['""constructor"":""counter-3""', '""toString"":""table-7""', '""hasOwnProperty"":""yes""']) expect(csv).toContain(pair);
  });

  it('summarises NPS, CSAT% and CES with intervals and a weekly trend; comments and cases come with them', async () => {
    const s = 'summary';
    const send = (type: keyof typeof scales, score: number, extra = {}) => post(answer({ survey: s, type, score, scale: scales[type], ...extra }));
    for (const score of [10, 9, 8]) await send('nps', score, { answeredAt: '2026-11-02T10:00:00.000Z' });
    await send('nps', 3, { answeredAt: '2026-11-17T10:00:00.000Z', comment: 'Too slow', contact: true, user: { id: 'u-7' } });
    await send('nps', 2, { answeredAt: '2026-11-18T10:00:00.000Z', comment: 'no contact please' });
    for (const score of [5, 4, 2]) await send('csat', score, { answeredAt: '2026-11-18T11:00:00.000Z' });
    for (const score of [7, 5, 2]) await send('ces', score, { answeredAt: '2026-11-19T11:00:00.000Z', contact: score === 2 ? true : undefined });

    const { body } = await get(`/api/summary?survey=${s}`);
    expect(body.summary.responses).toBe(11);
    expect(body.summary.nps).toMatchObject({ value: 0, responses: 5, promoters: 2, passives: 1, detractors: 2 });
    expect(body.summary.csat.value).toBeCloseTo(66.667, 2);
    expect(body.summary.ces.value).toBeCloseTo(4.667, 2);
    expect(body.summary.ces.easyShare).toBeCloseTo(66.667, 2);
    expect(body.trend.points.map((w: { period: string }) => w.period)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']); // Mondays, gaps kept
    expect(body.trend.points[0].nps.value).toBeCloseTo(66.667, 2);
    expect(body.trend.points[1].responses).toBe(0);
    expect(body.trend.points[2].nps.value).toBe(-100);
    expect(body.surveys).toContainEqual({ survey: s, type: 'ces', count: 11 });
    expect((await get(`/api/summary?survey=${s}&from=2026-11-16`)).body.summary.responses).toBe(8);
    const comments = await get(`/api/comments?survey=${s}`);
    expect(comments.body.items.map((c: { comment: string }) => c.comment)).toEqual(['no contact please', 'Too slow']);
    // every unhappy answer opened a case: NPS 3 and 2, CSAT 2, CES 2
    const cases = await get(`/api/cases?survey=${s}`);
    expect(cases.body.items.map((c: { answer: { type: string; score: number } }) => [c.answer.type, c.answer.score])).toEqual([['ces', 2], ['csat', 2], ['nps', 2], ['nps', 3]]);
  });

  it('migrates once: a second start applies nothing', async () => {
    expect(await migrate(collector.db)).toEqual([]);
  });

  it('reads with an API token too, and answers read routes with no CORS header for any origin', async () => {
    const created = await collector.request('/api/tokens', { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/json' }), body: JSON.stringify({ name: 'export' }) });
    const { secret } = await created.json();
    const response = await collector.request('/api/responses.json?survey=dedupe', { headers: { authorization: `Bearer ${secret}`, origin: SHOP } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await response.json()).responses).toHaveLength(1);
  });
});

describe(`days and weeks in the shop's time zone (${databaseKind})`, () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector({ config: { timezone: 'Asia/Bangkok' } });
  }, 60_000);
  afterAll(() => collector?.close());

  it('counts an answer at 01:00 Bangkok time (18:00 UTC the day before) on the Bangkok day and week', async () => {
    const cookie = await signIn(collector);
    // Monday 2026-11-23 01:00 in Bangkok is Sunday 2026-11-22 18:00 UTC: another day and another week in UTC.
    const late = answer({ survey: 'zone', answeredAt: '2026-11-22T18:00:00.000Z' });
    expect((await collector.request('/api/responses', { method: 'POST', body: JSON.stringify(late) })).status).toBe(201);
    const day = await collector.request('/api/responses.json?survey=zone&from=2026-11-23&to=2026-11-23', { headers: { cookie } });
    expect((await day.json()).responses.map((r: { id: string }) => r.id)).toEqual([late.id]);
    const before = await collector.request('/api/responses.json?survey=zone&to=2026-11-22', { headers: { cookie } });
    expect((await before.json()).responses).toEqual([]);
    const summary = await (await collector.request('/api/summary?survey=zone', { headers: { cookie } })).json();
    expect(summary.trend.points.map((w: { period: string }) => w.period)).toEqual(['2026-11-23']);
  });
});
