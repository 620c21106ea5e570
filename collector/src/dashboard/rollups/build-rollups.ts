import type { Database } from '../../db/database';
import { refreshStatistics } from '../../db/refresh-statistics';
import type { Log } from '../../http/log';
import { startPeriodicJob } from '../../jobs/periodic-job';
import { addDays, localDate } from '../local-date';

/** Any constant (with the schema): one collector builds rollups at a time; another finds the lock taken and skips. */
const ROLLUP_LOCK = 4_242_022;

/** PostgreSQL's "lock not available": `lock_timeout` ran out. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The rollup key under which the reason chips are counted (value: the reason). Context keys in the
 * rollups match `ROLLUP_KEY_PATTERN`, which this cannot.
 */
export const REASONS_KEY = '#reasons';

/** Context keys the dashboard can filter and break down by (the filters' rule). */
export const ROLLUP_KEY_PATTERN = '^[A-Za-z0-9_.-]{1,64}$';

export interface RollupBuilderOptions {
  db: Database;
  /** The shop's days (HEARBACK_TIMEZONE or Settings → Site); a function is asked on every run. */
  timeZone: string | (() => string);
  now?: () => Date;
  /**
   * A context key with more distinct values than this in one day is not rolled up that day
   * (order ids would make the rollup as big as the answers); queries by it read answers.
   */
  maxValuesPerKey?: number;
  /** Days built per run; the job runs again at once while days remain. */
  maxDays?: number;
}

export interface RollupRun {
  /** Days rolled up in this run, oldest first. */
  built: string[];
  /** True when days are left for the next run (`maxDays` reached). */
  more: boolean;
  /** True when another collector held the rollup lock, or the answers stayed locked over 2 s: the rest waits for the next run. */
  busy: boolean;
}

/**
 * Builds the daily rollups (`migrations/022-daily-rollups.sql`): every day of the shop's calendar
 * from the oldest answer up to yesterday that has no rollup yet, each in its own short
 * transaction. Rollups cut in another time zone are dropped first. Today is never rolled up.
 */
export function createRollupBuilder({ db, timeZone, now = () => new Date(), maxValuesPerKey = 100, maxDays = 120 }: RollupBuilderOptions) {
  const zone = () => (typeof timeZone === 'function' ? timeZone() : timeZone);
  async function pendingDays(): Promise<string[]> {
    await db.query('DELETE FROM rollup_days WHERE time_zone <> $1', [zone()]);
    const yesterday = addDays(localDate(now(), zone()), -1);
    const { rows: [oldest] } = await db.query<{ day: string | null }>(
      `SELECT to_char(min(answered_at) AT TIME ZONE $1::text, 'YYYY-MM-DD') AS day FROM responses`, [zone()]);
    if (!oldest.day || oldest.day > yesterday) return [];
    const { rows } = await db.query<{ day: string }>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series($1::date, $2::date, interval '1 day') AS d
       WHERE NOT EXISTS (SELECT 1 FROM rollup_days r WHERE r.day = d::date) ORDER BY d`,
      [oldest.day, yesterday]);
    return rows.map((row) => row.day);
  }

  /** Rolls up one day; false when another collector holds the lock, or `responses` is locked for long. */
  async function buildDay(day: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const { rows: [lock] } = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1, hashtext(current_schema())) AS ok', [ROLLUP_LOCK]);
      if (!lock.ok) return false;
      // Waits for answers being stored to commit, and holds new ones back until this day is
      // written: an answer for this day that commits later finds the rollup and drops it. Never
      // for long: behind a long erasure or VACUUM the wait would hold every new answer back too,
      // so after 2 s it gives up (55P03) and the day waits for the next run.
      await tx.query("SET LOCAL lock_timeout = '2s'");
      await tx.query('LOCK TABLE responses IN SHARE MODE');
      await tx.query('SET LOCAL lock_timeout = 0');
      await tx.query('DELETE FROM rollup_days WHERE day = $1', [day]);
      await tx.query(
        `INSERT INTO rollup_days (day, time_zone, starts_at, ends_at)
         VALUES ($1::date, $2, $1::date::timestamp AT TIME ZONE $2::text, ($1::date + 1)::timestamp AT TIME ZONE $2::text)`,
        [day, zone()]);
      await tx.query(
        `INSERT INTO rollup_scores (day, key, value, survey, type, locale, score, count)
         SELECT d.day, '', '', r.survey, r.type, lower(r.locale), r.score, count(*)::int
         FROM rollup_days d JOIN responses r ON r.answered_at >= d.starts_at AND r.answered_at < d.ends_at
         WHERE d.day = $1 GROUP BY d.day, r.survey, r.type, lower(r.locale), r.score`,
        [day]);
      // Each context key's values, read once: the keys with too many values that day are noted
      // as skipped, the rest rolled up.
      await tx.query(
        `WITH pairs AS (
           SELECT e.key, e.value #>> '{}' AS value, r.survey, r.type, lower(r.locale) AS locale, r.score, count(*)::int AS count
           FROM rollup_days d JOIN responses r ON r.answered_at >= d.starts_at AND r.answered_at < d.ends_at
           CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(r.context) = 'object' THEN r.context END) AS e
           WHERE d.day = $1 AND jsonb_typeof(e.value) <> 'null' AND e.key ~ '${ROLLUP_KEY_PATTERN}'
           GROUP BY 1, 2, 3, 4, 5, 6),
         over AS (SELECT key FROM pairs GROUP BY key HAVING count(DISTINCT value) > $2),
         marked AS (UPDATE rollup_days SET skipped_keys = ARRAY(SELECT key FROM over ORDER BY key) WHERE day = $1)
         INSERT INTO rollup_scores (day, key, value, survey, type, locale, score, count)
         SELECT $1::date, key, value, survey, type, locale, score, count FROM pairs WHERE key NOT IN (SELECT key FROM over)`,
        [day, maxValuesPerKey]);
      await tx.query(
        `INSERT INTO rollup_scores (day, key, value, survey, type, locale, score, count)
         SELECT d.day, '${REASONS_KEY}', reason.value, r.survey, r.type, lower(r.locale), r.score, count(*)::int
         FROM rollup_days d JOIN responses r ON r.answered_at >= d.starts_at AND r.answered_at < d.ends_at
         CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.reasons) = 'array' THEN r.reasons END) AS reason(value)
         WHERE d.day = $1 GROUP BY d.day, reason.value, r.survey, r.type, lower(r.locale), r.score`,
        [day]);
      return true;
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return false;
      throw error;
    });
  }

  return {
    pendingDays,
    /**
     * Builds up to `maxDays` pending days, oldest first. After the last of them (once a day, and
     * on start), the planner's statistics are brought up to date (`refresh-statistics.ts`).
     */
    async run(): Promise<RollupRun> {
      const pending = await pendingDays();
      const built: string[] = [];
      for (const day of pending.slice(0, maxDays)) {
        if (!(await buildDay(day))) return { built, more: false, busy: true };
        built.push(day);
      }
      const more = pending.length > maxDays;
      if (built.length && !more) await refreshStatistics(db);
      return { built, more, busy: false };
    },
  };
}

export type RollupBuilder = ReturnType<typeof createRollupBuilder>;

/**
 * Rolls up past days on start and every `everyMs` (10 minutes), at once again while days remain;
 * after a run that failed because the database was away, again after `retryMs` (periodic-job.ts).
 */
export function startRollupJob({ builder, everyMs = 600_000, retryMs, log }: { builder: RollupBuilder; everyMs?: number; retryMs?: number; log: Pick<Log, 'info' | 'error'> }) {
  return startPeriodicJob({
    job: 'rollups',
    everyMs,
    retryMs,
    log,
    run: async () => {
      const { built, more } = await builder.run();
      return { more, ...(built.length ? { fields: { built: built.length, first: built[0], last: built.at(-1) } } : {}) };
    },
  });
}
