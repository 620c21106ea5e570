// The collector's behaviour, run against any database adapter: PGlite (collector.test.ts) and a
// real PostgreSQL server (collector.postgres.test.ts, with DATABASE_URL).
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as kit from '../../src/receiver';
import { createCollector } from '../create-collector.mjs';
import { migrate } from '../db/migrate.mjs';

let counter = 0;
/** A valid answer (payload v1) with a fresh id; `overrides` replace fields. */
export function answer(overrides = {}) {
  counter += 1;
  return {
    v: 1, id: `test-${Date.now().toString(36)}-${counter}`, survey: 'after-checkout', type: 'csat', score: 4, scale: [1, 5],
    locale: 'en', url: 'https://shop.example/checkout/done', answeredAt: '2026-11-23T10:00:00.000Z', sdk: 'hearback/0.1.0',
    ...overrides,
  };
}

const scales = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

/** @param {string} name @param {() => Promise<import('../db/database-types.mjs').Database>} openDatabase */
export function describeCollector(name, openDatabase) {
  describe(`collector on ${name}`, () => {
    let db, server, origin;
    const post = (body, headers = { 'content-type': 'text/plain;charset=UTF-8' }) =>
      fetch(`${origin}/api/responses`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const get = async (path) => {
      const response = await fetch(`${origin}${path}`);
      return { status: response.status, headers: response.headers, body: path.includes('.csv') ? await response.text() : await response.json() };
    };

    beforeAll(async () => {
      db = await openDatabase();
      const { handle } = await createCollector({ db, kit, log: () => {} });
      server = createServer(handle);
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
    }, 60_000);
    afterAll(async () => {
      server?.closeAllConnections();
      await new Promise((resolve) => server ? server.close(resolve) : resolve());
      await db?.close();
    });

    it('stores an answer sent as text/plain (the SDK default) and as application/json', async () => {
      const plain = answer({ survey: 'bodies', comment: 'ส่งของเร็วมาก' });
      const json = answer({ survey: 'bodies' });
      expect((await post(plain)).status).toBe(201);
      expect((await post(json, { 'content-type': 'application/json' })).status).toBe(201);
      const { body } = await get('/api/responses.json?survey=bodies');
      expect(body.map((r) => r.id).sort()).toEqual([plain.id, json.id].sort());
      expect(body.find((r) => r.id === plain.id)).toMatchObject({ comment: 'ส่งของเร็วมาก', score: 4, scale: [1, 5], answeredAt: plain.answeredAt });
    });

    it('answers the CORS preflight and marks every response readable cross-origin', async () => {
      const preflight = await fetch(`${origin}/api/responses`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
      const response = await post(answer(), { 'content-type': 'application/json', origin: 'https://shop.example' });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('deduplicates on id: the repeat answers 200 { duplicate: true } and stores nothing new', async () => {
      const first = answer({ survey: 'dedupe', comment: 'first' });
      expect((await post(first)).status).toBe(201);
      const again = await post({ ...first, comment: 'changed on retry' });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ id: first.id, duplicate: true });
      const { body } = await get('/api/responses.json?survey=dedupe');
      expect(body).toHaveLength(1);
      expect(body[0].comment).toBe('first');
    });

    it('a repeat that adds the follow-up completes the stored answer (score sent on page hide, comment later)', async () => {
      const scoreOnly = answer({ survey: 'amend', comment: undefined, reasons: undefined });
      delete scoreOnly.comment;
      expect((await post(scoreOnly)).status).toBe(201);
      const amended = await post({ ...scoreOnly, comment: 'added later', reasons: ['Delivery'] });
      expect(amended.status).toBe(200);
      expect(await amended.json()).toEqual({ id: scoreOnly.id, duplicate: true, completed: true });
      const again = await post({ ...scoreOnly, comment: 'added later', reasons: ['Delivery'] });
      expect(await again.json()).toEqual({ id: scoreOnly.id, duplicate: true });
      const { body } = await get('/api/responses.json?survey=amend');
      expect(body).toHaveLength(1);
      expect(body[0]).toMatchObject({ comment: 'added later', reasons: ['Delivery'] });
    });

    it('stores an answer once when its retries race each other', async () => {
      const raced = answer({ survey: 'race' });
      const statuses = await Promise.all(Array.from({ length: 20 }, () => post(raced).then((r) => r.status)));
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(19);
      expect((await get('/api/responses.json?survey=race')).body).toHaveLength(1);
    });

    it('refuses bad payloads with 400 and readable problems', async () => {
      const out = await post(answer({ survey: 'bad', score: 12 }));
      expect(out.status).toBe(400);
      expect(await out.json()).toEqual({ problems: ['score must lie within scale (got 12)'] });
      const broken = await post('{"v":1,');
      expect(broken.status).toBe(400);
      expect((await broken.json()).problems[0]).toMatch(/^body is not valid JSON/);
      const form = await post('a=1', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(415);
      expect((await get('/api/responses.json?survey=bad')).body).toEqual([]);
    });

    it('refuses bodies over 64 KB with 413 and stores nothing', async () => {
      const huge = answer({ survey: 'huge', comment: 'x'.repeat(70 * 1024) });
      const response = await post(huge);
      expect(response.status).toBe(413);
      expect((await response.json()).problems[0]).toBe('body must be at most 65536 bytes');
      expect((await get('/api/responses.json?survey=huge')).body).toEqual([]);
    });

    it('exports JSON and CSV filtered by survey and dates (both ends inclusive)', async () => {
      const days = ['2026-10-01T09:00:00.000Z', '2026-10-15T23:59:00.000Z', '2026-10-31T12:00:00.000Z'];
      for (const [i, answeredAt] of days.entries()) {
        expect((await post(answer({ survey: 'export', answeredAt, comment: i === 1 ? '=SUM(A1), "quoted"' : undefined }))).status).toBe(201);
      }
      await post(answer({ survey: 'export-other', answeredAt: days[1] }));
      const json = await get('/api/responses.json?survey=export&from=2026-10-15&to=2026-10-31');
      expect(json.body.map((r) => r.answeredAt)).toEqual([days[2], days[1]]);
      const csv = await get('/api/responses.csv?survey=export&from=2026-10-02&to=2026-10-15');
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('id,survey,type,score,scale_min,scale_max,comment,reasons,contact,mode,locale,url,answered_at,received_at,user_id,context');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`export,csat,4,1,5,"'=SUM(A1), ""quoted""",`);
      expect((await get('/api/responses.json?from=yesterday')).status).toBe(400);
    });

    it('summarises NPS, CSAT% and CES with counts, distribution, weekly trend, comments and call-backs', async () => {
      const s = 'summary';
      const send = (type, score, extra = {}) => post(answer({ survey: s, type, score, scale: scales[type], ...extra }));
      for (const score of [10, 9, 8]) await send('nps', score, { answeredAt: '2026-11-02T10:00:00.000Z' });
      await send('nps', 3, { answeredAt: '2026-11-17T10:00:00.000Z', comment: 'Too slow', contact: true, user: { id: 'u-7' } });
      await send('nps', 2, { answeredAt: '2026-11-18T10:00:00.000Z', comment: 'no contact please' });
      for (const score of [5, 4, 2]) await send('csat', score, { answeredAt: '2026-11-18T11:00:00.000Z' });
      for (const score of [7, 5, 2]) await send('ces', score, { answeredAt: '2026-11-19T11:00:00.000Z', contact: score === 2 ? true : undefined });

      const { body } = await get(`/api/summary?survey=${s}`);
      expect(body.total).toBe(11);
      expect(body.nps).toEqual({ score: 0, responses: 5, bands: { detractor: 2, passive: 1, promoter: 2 } });
      expect(body.csat).toMatchObject({ score: 66.7, responses: 3 });
      expect(body.ces).toMatchObject({ score: 4.67, responses: 3, easyShare: 66.7 });
      expect(body.distribution.nps.map((d) => d.count)).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1]);
      expect(body.distribution.csat).toHaveLength(5);
      expect(body.trend.map((w) => w.week)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']); // Mondays, gaps kept
      expect(body.trend[0].nps).toEqual({ score: 66.7, responses: 3 });
      expect(body.trend[2].nps).toEqual({ score: -100, responses: 2 });
      expect(body.trend[1].nps).toEqual({ score: null, responses: 0 });
      expect(body.comments.map((c) => c.comment)).toEqual(['no contact please', 'Too slow']);
      expect(body.callbacks.map((c) => [c.type, c.score, c.userId])).toEqual([['ces', 2, undefined], ['nps', 3, 'u-7']]);
      expect(body.surveys).toContainEqual({ survey: s, type: 'ces', count: 11 });
      expect((await get(`/api/summary?survey=${s}&from=2026-11-16`)).body.total).toBe(8);
    });

    it('migrates once: a second start applies nothing', async () => {
      expect(await migrate(db)).toEqual([]);
    });
  });
}
