import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { createDashboardQueries } from '../src/dashboard/dashboard-queries';
import { parseFilters, type Filters } from '../src/dashboard/filters';
import { createRollupBuilder } from '../src/dashboard/rollups/build-rollups';
import { fixtureAnswers, insertAnswers, kinds, now, timeZone, type FixtureAnswer } from './dashboard-fixture';

/** A deterministic spread of answers over the 60 days before `now`, with context keys of every kind. */
function spreadAnswers(): FixtureAnswer[] {
  const answers: FixtureAnswer[] = [];
  const branches = ['Siam', 'Chiang Mai', 'Phuket'];
  const types = [['relationship', 'nps', 0, 10], ['after-checkout', 'csat', 1, 5], ['after-support', 'ces', 1, 7]] as const;
  let seed = 7;
  const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
  for (let i = 0; i < 400; i++) {
    const [survey, type, lo, hi] = types[i % 3];
    const context: Record<string, unknown> = { branch: branches[Math.floor(random() * 3)], orderId: `A${i}` };
    const reasons: string[] = [];
    if (random() < 0.5) context.touchpoint = random() < 0.5 ? 'checkout' : 'delivery';
    if (random() < 0.2) context.table = Math.floor(random() * 4); // a number: `->>` gives "2"
    if (random() < 0.1) context.vip = true;
    if (random() < 0.05) context.note = null; // JSON null: counts as without the key
    // Keys the rollups leave out (not the filters' letters and digits): read from the answers.
    if (random() < 0.3) reasons.push(random() < 0.5 ? 'Delivery' : 'ราคา');
    if (random() < 0.1) reasons.push('Delivery', 'Quality');
    if (random() < 0.3) context['สาขา'] = random() < 0.5 ? 'สยาม' : 'เชียงใหม่';
    if (random() < 0.3) context[`a-key-of-seventy-characters-${'x'.repeat(42)}`] = random() < 0.5 ? 'one' : 'two';
    answers.push({
      id: `spread-${i}`, survey, type, score: lo + Math.floor(random() * (hi - lo + 1)),
      answeredAt: new Date(now.getTime() - random() * 60 * 86_400_000).toISOString(),
      locale: random() < 0.5 ? 'th-TH' : 'en', context, ...(reasons.length ? { reasons } : {}),
    });
  }
  return answers;
}

/**
 * Daily rollups against a real database (PGlite and PostgreSQL): every figure read through the
 * rollups equals the figure read from the answers alone, whichever days are rolled up, and an
 * answer stored, changed or erased on a rolled-up day counts at once.
 */
export function rollupsSuite(name: string, open: () => Promise<Database>, { skip = false } = {}) {
  describe.skipIf(skip)(`daily rollups on ${name}`, () => {
    let db: Database;
    const queries = () => createDashboardQueries({ db, timeZone, kinds });
    const builder = (options: Partial<Parameters<typeof createRollupBuilder>[0]> = {}) => createRollupBuilder({ db, timeZone, now: () => now, ...options });
    const filters = (query: string): Filters => {
      const parsed = parseFilters(new URLSearchParams(query), { now, timeZone });
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      return parsed.filters;
    };
    const cases = ['range=all', 'range=30d', 'range=7d', 'from=2026-11-29&to=2026-11-30', 'range=all&type=nps', 'range=all&language=th',
      'range=90d&survey=after-checkout', 'range=all&context.branch=Siam', 'range=30d&context.touchpoint=delivery&context.branch=Phuket',
      'range=all&context.table=2', 'range=all&context.vip=true'];
    const keys = ['branch', 'touchpoint', 'table', 'orderId', 'note', 'missing', 'สาขา', `a-key-of-seventy-characters-${'x'.repeat(42)}`];
    /** Every figure the rollups serve, for every filter case. */
    const figures = async () => {
      const q = queries();
      const out: Record<string, unknown> = { surveys: await q.surveys() };
      for (const query of cases) {
        const f = filters(query);
        out[`${query} summary`] = await q.summary(f);
        out[`${query} reasons`] = await q.reasons(f);
        out[`${query} week`] = await q.trend(f, 'week');
        out[`${query} month`] = await q.trend(f, 'month');
        for (const key of keys) out[`${query} by ${key}`] = await q.breakdown(f, key);
      }
      return out;
    };
    const rolledDays = async () => (await db.query<{ day: string }>("SELECT to_char(day, 'YYYY-MM-DD') AS day FROM rollup_days ORDER BY day")).rows.map((row) => row.day);
    let fromAnswers: Record<string, unknown>;

    beforeAll(async () => {
      db = await open();
      await insertAnswers(db, [...fixtureAnswers(), ...spreadAnswers()]);
      fromAnswers = await figures();
    }, 120_000);
    afterAll(async () => db?.close());

    it('rolls up every past day of the shop’s calendar once, never today, and counts exactly as the answers do', async () => {
      const run = await builder({ maxDays: 1000 }).run();
      expect(run.busy).toBe(false);
      expect(run.built.at(-1)).toBe('2026-11-29'); // yesterday in Bangkok; today (the 30th) is read from answers
      expect(run.built).toContain('2026-10-31'); // a day whose only answer came a minute before the next day
      expect(await builder().pendingDays()).toEqual([]);
      expect((await builder().run()).built).toEqual([]);
      expect(await figures()).toEqual(fromAnswers);
    }, 120_000);

    it('leaves the planner statistics for the rollups it built (and on PGlite, which has no autovacuum, every table vacuumed)', async () => {
      const { rows } = await db.query<{ relname: string; reltuples: number; relallvisible: number }>(
        "SELECT relname, reltuples::float8 AS reltuples, relallvisible FROM pg_class WHERE relname IN ('rollup_scores', 'responses') AND relnamespace = current_schema()::regnamespace ORDER BY relname");
      const [responses, rollups] = rows;
      expect(rollups.reltuples).toBeGreaterThan(0); // -1: never analysed
      if (db.kind === 'pglite') expect(responses.relallvisible).toBeGreaterThan(0); // set by VACUUM only
    });

    it('reads the rollups (a changed rollup count shows), so the figures above did not come from the answers', async () => {
      const before = await queries().summary(filters('range=all'));
      await db.query("UPDATE rollup_scores SET count = count + 1000 WHERE ctid = (SELECT ctid FROM rollup_scores WHERE key = '' AND day = '2026-11-10' LIMIT 1)");
      expect((await queries().summary(filters('range=all'))).responses).toBe(before.responses + 1000);
      await db.query("DELETE FROM rollup_days WHERE day = '2026-11-10'");
      expect(await queries().summary(filters('range=all'))).toEqual(before);
    });

    it('leaves out of the rollup a key with more values in a day than it keeps, and still breaks it down exactly', async () => {
      await db.query('DELETE FROM rollup_days');
      expect((await builder({ maxValuesPerKey: 2, maxDays: 1000 }).run()).busy).toBe(false);
      const { rows: [days] } = await db.query<{ skipping: number }>("SELECT count(*)::int AS skipping FROM rollup_days WHERE 'orderId' = ANY (skipped_keys)");
      expect(days.skipping).toBeGreaterThan(20);
      expect((await db.query("SELECT 1 FROM rollup_scores s JOIN rollup_days d USING (day) WHERE s.key = ANY (d.skipped_keys) LIMIT 1")).rows).toEqual([]);
      expect(await figures()).toEqual(fromAnswers);
    }, 120_000);

    it('counts exactly with only some days rolled up (scattered days, long gaps)', async () => {
      await db.query("DELETE FROM rollup_days WHERE extract(day FROM day)::int % 3 = 0 OR day BETWEEN '2026-10-10' AND '2026-10-20'");
      expect(await figures()).toEqual(fromAnswers);
      await builder({ maxDays: 1000 }).run();
    }, 120_000);

    it('drops a day’s rollup when an answer of that day arrives late, changes or is erased, and counts it at once', async () => {
      const q = queries();
      const all = filters('range=all');
      const late: FixtureAnswer = { id: 'late-1', survey: 'relationship', type: 'nps', score: 0, answeredAt: '2026-11-15T03:00:00.000Z', context: { branch: 'Siam' }, locale: 'en' };
      const before = await q.summary(all);
      await insertAnswers(db, [late]);
      expect(await rolledDays()).not.toContain('2026-11-15');
      expect((await q.summary(all)).nps.detractors).toBe(before.nps.detractors + 1);
      await builder().run();
      expect(await rolledDays()).toContain('2026-11-15');
      expect((await q.summary(all)).nps.detractors).toBe(before.nps.detractors + 1);

      // A comment added to a held score keeps the rollup; a changed score drops it.
      await db.query("UPDATE responses SET comment = 'ช้า' WHERE id = 'late-1'");
      expect(await rolledDays()).toContain('2026-11-15');
      await db.query("UPDATE responses SET score = 10 WHERE id = 'late-1'");
      expect(await rolledDays()).not.toContain('2026-11-15');
      expect((await q.summary(all)).nps.promoters).toBe(before.nps.promoters + 1);
      await builder().run();

      await db.query("DELETE FROM responses WHERE id = 'late-1'");
      expect(await rolledDays()).not.toContain('2026-11-15');
      expect(await q.summary(all)).toEqual(before);
      await builder().run();
      expect(await figures()).toEqual(fromAnswers);
    }, 120_000);

    it('rebuilds the rollups cut in another time zone, and never reads them for this one', async () => {
      const utc = createRollupBuilder({ db, timeZone: 'UTC', now: () => now, maxDays: 1000 });
      await utc.run();
      expect((await db.query<{ zone: string }>('SELECT DISTINCT time_zone AS zone FROM rollup_days')).rows).toEqual([{ zone: 'UTC' }]);
      expect(await figures()).toEqual(fromAnswers); // Bangkok's figures, from answers
      await builder({ maxDays: 1000 }).run();
      expect((await db.query<{ zone: string }>('SELECT DISTINCT time_zone AS zone FROM rollup_days')).rows).toEqual([{ zone: timeZone }]);
      expect(await figures()).toEqual(fromAnswers);
    }, 120_000);

    it('stays exact when late answers for a past day are stored while it is being rolled up', async () => {
      await db.query('DELETE FROM rollup_days');
      const late = Array.from({ length: 30 }, (_, i): FixtureAnswer => ({
        id: `race-${i}`, survey: 'relationship', type: 'nps', score: i % 11, answeredAt: new Date(Date.UTC(2026, 10, 1 + (i % 28), 6)).toISOString(),
        context: { branch: i % 2 ? 'Siam' : 'Phuket' }, locale: 'en',
      }));
      await Promise.all([builder({ maxDays: 1000 }).run(), ...late.map((answer) => insertAnswers(db, [answer]))]);
      await builder({ maxDays: 1000 }).run(); // the days the late answers dropped
      const rolled = await figures();
      await db.query('DELETE FROM rollup_days');
      expect(rolled).toEqual(await figures());
      await db.query("DELETE FROM responses WHERE id LIKE 'race-%'");
      await builder({ maxDays: 1000 }).run();
    }, 120_000);

    it('builds a few days per run and says when more are left', async () => {
      await db.query('DELETE FROM rollup_days');
      const run = await builder({ maxDays: 5 }).run();
      expect(run.built).toHaveLength(5);
      expect(run.more).toBe(true);
    });
  });
}
