import type { Database, Queryable } from '../../db/database';
import type { ScoreCount } from '../../stats/score-metrics';
import type { Filters } from '../filters';
import { dayRangeConditions, whereClause } from '../where-clause';
import { REASONS_KEY, ROLLUP_KEY_PATTERN } from './build-rollups';
import { splitDays, type DayRange } from './day-runs';

const rolledKey = new RegExp(ROLLUP_KEY_PATTERN);

/**
 * How the counts are grouped: not at all, by survey, by one context key's value, by week or month,
 * or by reason chip (each answer counted once per reason it picked).
 */
export type Grouping =
  | { by: 'none' }
  | { by: 'survey' }
  | { by: 'reason' }
  | { by: 'value'; key: string }
  | { by: 'period'; unit: 'week' | 'month'; periods: string[] };

/** Per-score counts of one group: the survey, the key's value (null: answers without it), the period's first day, or the reason. */
export type GroupCount = ScoreCount & { group: string | null };

/**
 * Rows of `rollup_scores` that add up to the answers asked for: those of one key (`''`: every
 * answer), of one value if given, and the group they count in. `split`: counted per value, and
 * taken away, summed, from the answers without a value (the breakdown's "none" group).
 */
interface Part {
  key: string;
  value?: string;
  group: string;
  split?: boolean;
}

/**
 * Per-score answer counts for `filters`, grouped, read from the daily rollups for the days that
 * have one and from the answers for the rest (today, days not rolled up yet or changed since), in
 * one snapshot. Filters the rollups cannot answer (two context keys, or a key other than the one
 * broken down by) read every day from the answers.
 */
export function createScoreCounts({ db, timeZone }: { db: Database; timeZone: string }) {
  return async function scoreCounts(filters: Filters, grouping: Grouping): Promise<GroupCount[]> {
    const plan = rollupParts(filters, grouping);
    // The rolled-up days and the query must see one snapshot; answers alone need no transaction.
    const inSnapshot = <T>(work: (tx: Queryable) => Promise<T>) => (plan
      ? db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return work(tx);
      })
      : work(db));
    return inSnapshot(async (tx) => {
      const params: unknown[] = [];
      const param = (value: unknown) => `$${params.push(value)}`;
      let rolled: Required<DayRange>[] = [];
      let raw: DayRange[] = [{ from: filters.from, to: filters.to }];
      if (plan) {
        const { rows } = await tx.query<{ day: string }>(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM rollup_days WHERE time_zone = $1
             AND ($2::date IS NULL OR day >= $2::date) AND ($3::date IS NULL OR day <= $3::date) AND NOT (skipped_keys && $4::text[])`,
          [timeZone, filters.from ?? null, filters.to ?? null, plan.keys]);
        ({ rolled, raw } = splitDays({ from: filters.from, to: filters.to }, rows.map((row) => row.day)));
      }
      const selects: string[] = [];
      if (plan && rolled.length) {
        const days = `(${rolled.map((run) => `s.day BETWEEN ${param(run.from)}::date AND ${param(run.to)}::date`).join(' OR ')})`;
        const common = [days, ...rollupFilters(filters, param)];
        for (const part of plan.parts) {
          const where = [...common, `s.key = ${param(part.key)}`, ...(part.value === undefined ? [] : [`s.value = ${param(part.value)}`])];
          selects.push(part.split
            // One pass over the key's rows: each value's counts, and the same summed up (no value) to take away.
            ? `SELECT CASE WHEN GROUPING(s.value) = 1 THEN NULL ELSE s.value END AS grp, s.type, s.score,
                 CASE WHEN GROUPING(s.value) = 1 THEN -sum(s.count) ELSE sum(s.count) END AS count
               FROM rollup_scores s WHERE ${where.join(' AND ')} GROUP BY GROUPING SETS ((s.value, s.type, s.score), (s.type, s.score))`
            : `SELECT ${part.group} AS grp, s.type, s.score, sum(s.count) AS count
               FROM rollup_scores s WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3`);
        }
      }
      if (raw.length) {
        const group = rawGroup(grouping, param, timeZone);
        const ranges = raw.map((range) => dayRangeConditions('r.answered_at', range, timeZone, param).join(' AND ') || 'true');
        const where = whereClause(filters, timeZone, { params, extra: [`(${ranges.map((range) => `(${range})`).join(' OR ')})`] });
        params.splice(0, params.length, ...where.params);
        const reasons = grouping.by === 'reason' ? " CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.reasons) = 'array' THEN r.reasons END) AS reason(value)" : '';
        selects.push(`SELECT ${group} AS grp, r.type, r.score, count(*) AS count FROM responses r${reasons} ${where.sql} GROUP BY 1, 2, 3`);
      }
      const { rows } = await tx.query<{ grp: string | null; type: string; score: number; count: number }>(
        `SELECT grp, type, score, sum(count)::int AS count FROM (${selects.join(' UNION ALL ')}) AS parts
         GROUP BY 1, 2, 3 HAVING sum(count) <> 0`,
        params);
      return rows.map(({ grp, type, score, count }) => ({ group: grp, type, score, count }));
    });
  };
}

export type ScoreCounts = ReturnType<typeof createScoreCounts>;

/**
 * Which rollup rows answer `filters` grouped by `grouping`, and the context keys that must be
 * rolled up on a day for it to count; undefined when the rollups cannot answer (read answers).
 */
function rollupParts(filters: Filters, grouping: Grouping): { parts: Part[]; keys: string[] } | undefined {
  const context = Object.entries(filters.context);
  if (context.length > 1) return undefined;
  // Reasons are rolled up per survey, type, language and score only: no context filter.
  if (grouping.by === 'reason') return context.length ? undefined : { keys: [], parts: [{ key: REASONS_KEY, group: 's.value' }] };
  // Keys the builder does not roll up (Thai, spaces, over 64 characters) are read from the answers.
  const keys = [...context.map(([key]) => key), ...(grouping.by === 'value' ? [grouping.key] : [])];
  if (keys.some((key) => !rolledKey.test(key))) return undefined;
  const group = { none: 'NULL::text', survey: 's.survey', value: 's.value', reason: 's.value', period: `to_char(date_trunc('${grouping.by === 'period' ? grouping.unit : ''}', s.day::timestamp), 'YYYY-MM-DD')` }[grouping.by];
  if (context.length === 1) {
    const [key, value] = context[0];
    if (grouping.by === 'value' && grouping.key !== key) return undefined;
    return { keys: [key], parts: [{ key, value, group }] };
  }
  if (grouping.by !== 'value') return { keys: [], parts: [{ key: '', group }] };
  // A breakdown: each value's rows, and the answers without the key (all answers less those with it).
  const { key } = grouping;
  return { keys: [key], parts: [{ key, group: 's.value', split: true }, { key: '', group: 'NULL::text' }] };
}

/** The survey, type and language filters over `rollup_scores s` (locale is stored lower-cased). */
function rollupFilters(filters: Filters, param: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  if (filters.survey) conditions.push(`s.survey = ${param(filters.survey)}`);
  if (filters.type) conditions.push(`s.type = ${param(filters.type)}`);
  if (filters.language) {
    const language = param(filters.language.toLowerCase());
    conditions.push(`(s.locale = ${language} OR s.locale LIKE ${language} || '-%')`);
  }
  return conditions;
}

/** The group of one answer `r`, as the rollups name it. */
function rawGroup(grouping: Grouping, param: (value: unknown) => string, timeZone: string): string {
  if (grouping.by === 'none') return 'NULL::text';
  if (grouping.by === 'survey') return 'r.survey';
  if (grouping.by === 'reason') return 'reason.value';
  if (grouping.by === 'value') return `r.context ->> ${param(grouping.key)}`;
  // Each answer is put in its period by `width_bucket` over the periods' start instants (computed
  // once), which costs far less per row than converting every timestamp to the shop's zone.
  const periods = param(grouping.periods);
  return `(${periods}::text[])[width_bucket(r.answered_at, (SELECT array_agg(p::date::timestamp AT TIME ZONE ${param(timeZone)}::text ORDER BY p) FROM unnest(${periods}::text[]) AS p))]`;
}
