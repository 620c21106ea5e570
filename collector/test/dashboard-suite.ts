import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { createDashboardQueries } from '../src/dashboard/dashboard-queries';
import { createCommentsQuery } from '../src/dashboard/comments-query';
import { createExportQuery } from '../src/dashboard/export-query';
import { exportToCsv } from '../src/dashboard/export-csv';
import { parseFilters, type Filters } from '../src/dashboard/filters';
import { createCaseStore } from '../src/inbox/case-store';
import { fixtureAnswers, insertAnswers, kinds, now, timeZone } from './dashboard-fixture';

/**
 * The dashboard's and the inbox's SQL against a real database; the same suite runs on PGlite and
 * on PostgreSQL. `open` gives a migrated, empty database.
 */
export function dashboardSuite(name: string, open: () => Promise<Database>, { skip = false } = {}) {
  describe.skipIf(skip)(`dashboard queries on ${name}`, () => {
    let db: Database;
    let clock = now;
    const filters = (query = ''): Filters => {
      const parsed = parseFilters(new URLSearchParams(query), { now, timeZone });
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      return parsed.filters;
    };
    let queries: ReturnType<typeof createDashboardQueries>;
    let comments: ReturnType<typeof createCommentsQuery>;
    let cases: ReturnType<typeof createCaseStore>;

    beforeAll(async () => {
      db = await open();
      await insertAnswers(db, fixtureAnswers());
      queries = createDashboardQueries({ db, timeZone, kinds, now: () => clock });
      comments = createCommentsQuery({ db, timeZone, kinds });
      cases = createCaseStore({ db, timeZone, kinds, now: () => clock });
    }, 60_000);
    afterAll(async () => db?.close());

    it('counts the last 30 days by the shop’s calendar, not UTC’s', async () => {
      // NPS: Siam 10, 9, 9, 6, 3 and 9 (at 00:00 on Nov 1 in Bangkok); Chiang Mai 10, 8, 5, 7
      // → 5 promoters, 3 detractors of 10 → 20. The answer a minute before Nov 1 is left out.
      const summary = await queries.summary(filters());
      expect(summary.nps).toMatchObject({ promoters: 5, passives: 2, detractors: 3, value: 20 });
      // CSAT 5, 4, 2, 5, 1 → 3 of 5; CES 7, 6, 2 → mean 5
      expect(summary.csat).toMatchObject({ satisfied: 3, responses: 5, value: 60 });
      expect(summary.ces.value).toBe(5);
      expect(summary.responses).toBe(18);
    });

    it('filters by a context value, survey, type, language and custom days', async () => {
      const siam = await queries.summary(filters('context.branch=Siam'));
      // Siam: NPS 4 promoters, 2 detractors of 6 → 33.3; CSAT 2 of 3; CES 7, 6 → 6.5
      expect(siam.nps.value).toBeCloseTo(33.333, 2);
      expect(siam.csat.value).toBeCloseTo(66.667, 2);
      expect(siam.ces.value).toBe(6.5);
      expect((await queries.summary(filters('type=csat'))).responses).toBe(5);
      expect((await queries.summary(filters('survey=after-support'))).responses).toBe(3);
      // th and th-TH both count as Thai
      expect((await queries.summary(filters('language=th'))).responses).toBe(6);
      // csat-c2 was answered on Nov 29 at 17:00 UTC: Nov 30 in Bangkok
      const today = await queries.summary(filters('from=2026-11-30&to=2026-11-30'));
      expect(today.responses).toBe(1);
      expect(today.csat.value).toBe(0);
      // 7 days: Nov 24–30 → NPS 3 and 7, CSAT 2 and 1, CES 2
      expect((await queries.summary(filters('range=7d'))).responses).toBe(5);
    });

    it('lists context keys with their top values', async () => {
      const keys = await queries.contextKeys(filters());
      const branch = keys.find((k) => k.key === 'branch')!;
      expect(branch).toEqual({ key: 'branch', answers: 18, distinctValues: 2, values: [{ value: 'Siam', count: 11 }, { value: 'Chiang Mai', count: 7 }] });
      expect(keys.find((k) => k.key === 'orderId')).toMatchObject({ answers: 1, values: [{ value: 'A17', count: 1 }] });
    });

    it('breaks the scores down by the values of a context key', async () => {
      const { rows } = await queries.breakdown(filters(), 'branch');
      expect(rows.map((r) => [r.value, r.responses])).toEqual([['Siam', 11], ['Chiang Mai', 7]]);
      // Chiang Mai: NPS 1 promoter, 1 detractor of 4 → 0; CSAT 1 of 2; CES 2
      expect(rows[1].nps.value).toBe(0);
      expect(rows[1].csat.value).toBe(50);
      expect(rows[1].ces.value).toBe(2);
      const narrowed = await queries.breakdown(filters('context.touchpoint=delivery'), 'branch');
      expect(narrowed.rows.map((r) => r.value)).toEqual(['Chiang Mai']);
    });

    it('gives a weekly trend in the shop’s weeks, empty weeks included', async () => {
      const { points: trend, cut } = await queries.trend(filters(), 'week');
      expect(cut).toBe(false);
      // Nov 1 (local) is a Sunday: its week starts Monday Oct 26; Nov 30 is a Monday.
      expect(trend.map((p) => p.period)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
      expect(trend[5].responses).toBe(1);
      // Today is in the week of Nov 30: that week is not over, and one answer so far gives no range.
      expect(trend.map((p) => p.unfinished)).toEqual([false, false, false, false, false, true]);
      for (const metric of [trend[5].nps, trend[5].csat, trend[5].ces]) expect(metric).toMatchObject({ low: null, high: null });
      expect(trend.reduce((sum, p) => sum + p.responses, 0)).toBe(18);
      const monthly = (await queries.trend(filters('range=90d'), 'month')).points;
      // 90 days back from Nov 30 starts on Sep 1
      expect(monthly.map((p) => [p.period, p.responses])).toEqual([['2026-09-01', 0], ['2026-10-01', 1], ['2026-11-01', 18]]);
      const everything = (await queries.trend(filters('range=all'), 'month')).points;
      expect(everything.map((p) => [p.period, p.responses])).toEqual([['2026-10-01', 1], ['2026-11-01', 18]]);
      // A century of weeks: the newest 400, and it says so.
      const century = await queries.trend(filters('from=2000-01-01&to=2099-12-31'), 'week');
      expect(century.points).toHaveLength(400);
      expect(century.points.at(-1)!.period).toBe('2099-12-28');
      expect(century.cut).toBe(true);
    });

    it('counts reason chips per band', async () => {
      expect(await queries.reasons(filters())).toEqual([
        { band: 'detractor', reason: 'Delivery', count: 2 },
        { band: 'detractor', reason: 'Price', count: 1 },
        { band: 'promoter', reason: 'Quality', count: 1 },
      ]);
    });

    it('finds themes among detractors and promoters', async () => {
      const themes = await queries.themes(filters());
      expect(themes.detractor.words.slice(0, 2)).toEqual([{ text: 'delivery', count: 2 }, { text: 'late', count: 2 }]);
      expect(themes.detractor.phrases).toContainEqual({ text: 'delivery was late', count: 2 });
      expect(themes.promoter.comments).toBe(3);
    });

    it('searches every comment and pages through them with a cursor', async () => {
      const first = await comments(filters(), { limit: 2 });
      expect(first.total).toBe(9);
      const seen = first.items.map((c) => c.id);
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await comments(filters(), { limit: 2, cursor });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(9);
      expect(new Set(seen).size).toBe(9);
      expect(seen[0]).toBe('csat-c2');
      const delivery = await comments(filters(), { search: 'delivery' });
      expect(delivery.items.map((c) => c.id).sort()).toEqual(['nps-c1', 'nps-c3', 'nps-s1', 'nps-s5']);
      // "%" is a character to find, not a wildcard
      expect((await comments(filters(), { search: '%' })).items.map((c) => c.id)).toEqual(['nps-s4']);
      // a reason chip on the dashboard opens the comments of the answers that chose it
      expect((await comments(filters(), { reason: 'Price' })).items.map((c) => c.id)).toEqual(['nps-s5']);
      expect((await comments(filters(), { reason: 'Delivery', band: 'detractor' })).items.map((c) => c.id).sort()).toEqual(['nps-s4', 'nps-s5']);
      expect((await comments(filters(), { reason: 'Deliv' })).items).toEqual([]);
      expect((await comments(filters(), { search: 'ไม่' })).total).toBe(2);
      expect((await comments(filters(), { band: 'promoter' })).total).toBe(3);
    });

    it('exports say when they are cut', async () => {
      const exportAnswers = createExportQuery({ db, timeZone, kinds });
      const whole = await exportAnswers(filters(), 100);
      expect(whole).toMatchObject({ truncated: false, total: 18 });
      const cut = await exportAnswers(filters(), 5);
      expect(cut).toMatchObject({ truncated: true, total: 18, limit: 5 });
      expect(cut.records).toHaveLength(5);
      const csv = exportToCsv(cut).trimEnd().split('\r\n');
      expect(csv).toHaveLength(7);
      expect(csv[6]).toBe('# truncated: this file holds the newest 5 of 18 answers; narrow the dates or filters to get the rest');
    });

    it('opened a case for each detractor, with what came with the answer', async () => {
      const open = await cases.list(filters(), { state: 'open' });
      expect(open.items.map((c) => c.id)).toEqual(['csat-c2', 'ces-c1', 'nps-s5', 'csat-s3', 'nps-s4', 'nps-c3']);
      const somchai = open.items.find((c) => c.id === 'nps-s5')!;
      expect(somchai.answer).toMatchObject({ user: { name: 'Somchai', phone: '081-234-5678' }, context: { orderId: 'A17', branch: 'Siam' }, contact: true });
      // Five of the six answers are more than 48 hours before the suite's clock: overdue.
      expect(await cases.figures(filters())).toEqual({ total: 6, open: 6, contacted: 0, resolved: 0, overdue: 5, closedShare: 0, medianHoursToClose: null });
    });

    it('moves a case open → contacted → resolved with who and when, and the close rate follows', async () => {
      clock = new Date('2026-11-27T03:00:00Z');
      const contacted = await cases.move('nps-s5', 'contacted', 'staff@shop.example', 'Called, will resend the order');
      expect(contacted).toMatchObject({ ok: true, case: { state: 'contacted', contactedBy: 'staff@shop.example', contactedAt: '2026-11-27T03:00:00.000Z' } });
      clock = now;
      const resolved = await cases.move('nps-s5', 'resolved', 'owner@shop.example');
      expect(resolved.ok && resolved.case.events!.map((e) => [e.actor, e.from, e.to])).toEqual([
        ['staff@shop.example', 'open', 'contacted'], ['owner@shop.example', 'contacted', 'resolved'],
      ]);
      // Answered Nov 25 10:00 UTC, resolved Nov 30 05:00 UTC: 4 days 19 hours = 115 hours; 1 of 6 closed
      const figures = await cases.figures(filters());
      expect(figures).toMatchObject({ total: 6, open: 5, resolved: 1, medianHoursToClose: 115 });
      expect(figures.closedShare).toBeCloseTo(16.667, 2);
      // by branch: Siam holds 3 cases (nps-s4, nps-s5, csat-s3)
      expect((await cases.figures(filters('context.branch=Siam'))).closedShare).toBeCloseTo(33.333, 2);
    });

    it('refuses a move the workflow does not allow, and a case that does not exist', async () => {
      expect(await cases.move('nps-s5', 'contacted', 'x@shop.example')).toEqual({ ok: false, status: 409, problem: 'state: a resolved case can move to open, not to contacted' });
      expect(await cases.move('nps-s1', 'contacted', 'x@shop.example')).toMatchObject({ ok: false, status: 404 });
    });

    it('reopens a case and keeps a note', async () => {
      const reopened = await cases.move('nps-s5', 'open', 'owner@shop.example', 'Customer wrote again');
      expect(reopened).toMatchObject({ ok: true, case: { state: 'open', note: 'Customer wrote again' } });
      expect(reopened.ok && reopened.case.resolvedAt).toBeUndefined();
      const noted = await cases.addNote('nps-s5', 'staff@shop.example', 'Left a voicemail');
      expect(noted.ok && noted.case.events!.at(-1)).toMatchObject({ actor: 'staff@shop.example', note: 'Left a voicemail' });
      expect((await cases.figures(filters())).resolved).toBe(0);
    });

    it('erasing an answer erases its case and history', async () => {
      await db.query("DELETE FROM responses WHERE id = 'nps-s5'");
      expect(await cases.get('nps-s5')).toBeUndefined();
      expect((await db.query("SELECT count(*)::int AS n FROM case_events WHERE response_id = 'nps-s5'")).rows[0].n).toBe(0);
    });
  });
}
