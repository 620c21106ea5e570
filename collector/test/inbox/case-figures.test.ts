// The inbox's figures over known cases: counts per state, overdue, and the median time to close —
// read in index order for a date range (index cases_close_seconds), sorted for other filters —
// equal to percentile_cont(0.5) for 0 to 4 closed cases (odd and even counts). On PGlite, or (with
// DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyKinds } from 'hearback/receiver';
import type { Database } from '../../src/db/database';
import { parseFilters } from '../../src/dashboard/filters';
import { migrate } from '../../src/db/migrate';
import { createCaseStore } from '../../src/inbox/case-store';
import { databaseKind, openTestDatabase } from '../harness';

const timeZone = 'Asia/Bangkok';
const now = new Date('2026-12-01T00:00:00Z');
const filters = (query = '') => {
  const parsed = parseFilters(new URLSearchParams(query), { timeZone });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.filters;
};

describe(`inbox figures (${databaseKind})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
  }, 60_000);
  afterAll(() => db?.close());

  /** Adds a detractor's answer and its case: opened `day` of November, closed after `hours` (none: open). */
  async function addCase(n: number, { day, hours, survey = 'figures' }: { day: number; hours?: number; survey?: string }) {
    const opened = new Date(Date.UTC(2026, 10, day, 5));
    await db.query(
      `INSERT INTO responses (id, survey, type, score, scale_min, scale_max, contact, locale, url, answered_at, sdk, payload)
       VALUES ($1, $2, 'nps', 2, 0, 10, false, 'th', 'https://shop.example/', $3, 'hearback/0.1.0', '{}')`,
      [`figures-${n}`, survey, opened.toISOString()]);
    const resolved = hours === undefined ? null : new Date(opened.getTime() + hours * 3_600_000).toISOString();
    await db.query(
      `INSERT INTO cases (response_id, state, opened_at, due_at, resolved_at) VALUES ($1, $2, $3, $4, $5)`,
      [`figures-${n}`, resolved ? 'resolved' : 'open', opened.toISOString(), new Date(opened.getTime() + 48 * 3_600_000).toISOString(), resolved]);
  }

  const expected = async (from: string) => Number((await db.query<{ median: number | null }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', resolved_at - opened_at)) / 3600 AS median
     FROM cases WHERE state = 'resolved' AND opened_at >= $1`, [from])).rows[0].median);

  it('gives the median of 0, 1, 2, 3 and 4 closed cases as percentile_cont does, with dates alone and with other filters', async () => {
    const cases = createCaseStore({ db, timeZone, kinds: surveyKinds, now: () => now });
    await addCase(0, { day: 20 });
    await addCase(1, { day: 3 }); // before the range below: counted in "all", not in the range
    expect(await cases.figures(filters('range=all'))).toEqual({ total: 2, open: 2, contacted: 0, resolved: 0, overdue: 2, closedShare: 0, medianHoursToClose: null });
    const durations = [30, 6, 100, 12];
    for (const [at, hours] of durations.entries()) {
      await addCase(10 + at, { day: 10 + at, hours });
      const closed = durations.slice(0, at + 1).sort((a, b) => a - b);
      const middle = closed.length % 2 ? closed[(closed.length - 1) / 2] : (closed[closed.length / 2 - 1] + closed[closed.length / 2]) / 2;
      for (const query of ['range=all', 'from=2026-11-05&to=2026-11-30', 'survey=figures', 'from=2026-11-05&to=2026-11-30&survey=figures']) {
        const figures = await cases.figures(filters(query));
        expect(figures.medianHoursToClose, `${query}, ${closed.length} closed`).toBeCloseTo(middle, 6);
        expect(figures.resolved).toBe(closed.length);
      }
      expect(middle).toBeCloseTo(await expected('2026-11-05'), 6);
    }
    // 6, 12, 30, 100 closed; 2 open, both past due.
    expect(await cases.figures(filters('from=2026-11-05&to=2026-11-30'))).toEqual({ total: 5, open: 1, contacted: 0, resolved: 4, overdue: 1, closedShare: 80, medianHoursToClose: 21 });
    // Another survey's closed case is not in that survey's figures, and is in the whole shop's.
    await addCase(20, { day: 25, hours: 1, survey: 'other' });
    expect((await cases.figures(filters('survey=figures'))).medianHoursToClose).toBe(21);
    expect((await cases.figures(filters('range=all'))).medianHoursToClose).toBe(12);
    // A closed case without a close time (the app never writes one; the schema allows it) is left
    // out of the median, as percentile_cont leaves it out.
    await addCase(21, { day: 26 });
    await db.query("UPDATE cases SET state = 'resolved' WHERE response_id = 'figures-21'");
    for (const query of ['range=all', 'survey=figures']) expect((await cases.figures(filters(query))).medianHoursToClose, query).toBe(query === 'range=all' ? 12 : 21);
  });
});
