import { bandOf } from 'hearback/receiver';
import type { Database } from '../db/database';
import { scoreMetrics, type Kinds, type ScoreCount, type ScoreMetrics, type SurveyType } from '../stats/score-metrics';
import { commentThemes, type Themes } from '../stats/themes';
import { bandSql } from './band-sql';
import type { Filters } from './filters';
import { createScoreCounts } from './rollups/score-counts';
import { whereClause } from './where-clause';
import { localDate } from './local-date';

export interface ContextKey {
  key: string;
  /** Answers in the filters that carry the key. */
  answers: number;
  distinctValues: number;
  /** The most frequent values, most frequent first. */
  values: { value: string; count: number }[];
}

export interface BreakdownRow extends ScoreMetrics {
  /** `null` for answers without the key. */
  value: string | null;
}

export interface TrendPoint extends ScoreMetrics {
  /** First day of the week (Monday) or month, in the shop's zone. */
  period: string;
  /** The period holds today: it is not over, and its figures are "so far" (drawn apart, never as a plunge). */
  unfinished: boolean;
}

export type Band = 'detractor' | 'passive' | 'promoter';

/** How many values of one key the breakdown shows; the rest are summed up as `othersCount`. */
const BREAKDOWN_VALUES = 50;
const TOP_VALUES = 20;
/** Answers read to list context keys and values. */
const CONTEXT_SAMPLE = 10_000;
/** Comments read for themes, newest first, per band … */
const THEME_SAMPLE = 2_000;
/** … among this many newest comments of any band. */
const COMMENT_SAMPLE = 20_000;

/**
 * The dashboard's read queries, one set of SQL for PGlite and PostgreSQL. Every query takes the
 * same filters; days and weeks are the shop's (`timeZone`).
 */
export function createDashboardQueries({ db, timeZone, kinds, now = () => new Date() }: {
  db: Database; timeZone: string; kinds: Kinds;
  /** The clock that says which period is unfinished; tests set it. */
  now?: () => Date;
}) {
  const where = (filters: Filters, extra: string[] = [], params: unknown[] = []) => whereClause(filters, timeZone, { extra, params });

  const counts = createScoreCounts({ db, timeZone });
  const scoreCounts = (filters: Filters): Promise<ScoreCount[]> => counts(filters, { by: 'none' });

  return {
    scoreCounts,

    async summary(filters: Filters): Promise<ScoreMetrics> {
      return scoreMetrics(await scoreCounts(filters), kinds);
    },

    /**
     * The context keys the answers in `filters` hold (string, number and boolean values), with their
     * top values. Read from the newest `CONTEXT_SAMPLE` answers of the filters, so the filter list
     * stays quick at any size; `answers` and `distinctValues` count within that sample.
     */
    async contextKeys(filters: Filters): Promise<ContextKey[]> {
      // Objects are picked after the sample is taken: as a condition of the sample, the planner
      // (with no statistics for the expression) would guess it rare and sort a seq scan of the year.
      const w = where(filters);
      const { rows } = await db.query<{ key: string; value: string; count: number; answers: number; distinct_values: number }>(
        `SELECT key, value, count, answers, distinct_values FROM (
           SELECT key, value, count,
             sum(count) OVER (PARTITION BY key)::int AS answers,
             count(*) OVER (PARTITION BY key)::int AS distinct_values,
             row_number() OVER (PARTITION BY key ORDER BY count DESC, value) AS rank
           FROM (SELECT e.key, e.value #>> '{}' AS value, count(*)::int AS count
                 FROM (SELECT r.context FROM responses r ${w.sql} ORDER BY r.answered_at DESC LIMIT ${CONTEXT_SAMPLE}) AS sample
                 CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(sample.context) = 'object' THEN sample.context END) AS e
                 WHERE jsonb_typeof(e.value) IN ('string', 'number', 'boolean')
                 GROUP BY 1, 2) AS per_value
         ) AS ranked WHERE rank <= ${TOP_VALUES} ORDER BY answers DESC, key, count DESC, value`,
        w.params,
      );
      const keys = new Map<string, ContextKey>();
      for (const row of rows) {
        const key = keys.get(row.key) ?? { key: row.key, answers: row.answers, distinctValues: row.distinct_values, values: [] };
        key.values.push({ value: row.value, count: row.count });
        keys.set(row.key, key);
      }
      return [...keys.values()];
    },

    /** NPS, CSAT%, CES and counts per value of one context key, most answers first. */
    async breakdown(filters: Filters, key: string): Promise<{ rows: BreakdownRow[]; othersCount: number }> {
      const rows = await counts(filters, { by: 'value', key });
      const byValue = new Map<string | null, ScoreCount[]>();
      for (const row of rows) byValue.set(row.group, [...(byValue.get(row.group) ?? []), row]);
      const all = [...byValue].map(([value, counts]) => ({ value, ...scoreMetrics(counts, kinds) })).sort((a, b) => b.responses - a.responses || String(a.value).localeCompare(String(b.value)));
      const shown = all.slice(0, BREAKDOWN_VALUES);
      return { rows: shown, othersCount: all.slice(BREAKDOWN_VALUES).reduce((sum, row) => sum + row.responses, 0) };
    },

    /**
     * Scores per week (Monday) or month of the shop's calendar, every period of the range included,
     * empty ones too — the newest `MAX_PERIODS` of them: `cut` says when older ones were left out.
     */
    async trend(filters: Filters, unit: 'week' | 'month'): Promise<{ points: TrendPoint[]; cut: boolean }> {
      let { from: first, to: last } = filters;
      if (!first || !last) {
        const w = where(filters, [], [timeZone]);
        const { rows } = await db.query<{ first: string | null; last: string | null }>(
          `SELECT to_char(min(r.answered_at) AT TIME ZONE $1::text, 'YYYY-MM-DD') AS first, to_char(max(r.answered_at) AT TIME ZONE $1::text, 'YYYY-MM-DD') AS last
           FROM responses r ${w.sql}`,
          w.params,
        );
        if (!rows[0].first || !rows[0].last) return { points: [], cut: false };
        first ??= rows[0].first;
        last ??= rows[0].last;
      }
      const periods = periodsBetween(periodStart(first, unit), last, unit);
      const index = new Map(periods.map((period, i) => [period, i]));
      const byPeriod = periods.map(() => [] as ScoreCount[]);
      for (const row of await counts(filters, { by: 'period', unit, periods })) {
        const i = row.group === null ? undefined : index.get(row.group);
        if (i !== undefined) byPeriod[i].push(row);
      }
      const current = periodStart(localDate(now(), timeZone), unit);
      return {
        points: periods.map((period, i) => ({ period, unfinished: period === current, ...scoreMetrics(byPeriod[i], kinds) })),
        cut: periods[0] > periodStart(first, unit),
      };
    },

    /** The reason chips chosen, counted per band, most chosen first (the first 200). */
    async reasons(filters: Filters): Promise<{ band: Band; reason: string; count: number }[]> {
      const perBand = new Map<string, { band: Band; reason: string; count: number }>();
      for (const { group, type, score, count } of await counts(filters, { by: 'reason' })) {
        const band = bandOf(kinds[type as SurveyType], score);
        const key = `${band}\u0000${group}`;
        const row = perBand.get(key) ?? { band, reason: group!, count: 0 };
        row.count += count;
        perBand.set(key, row);
      }
      // A total order (ties by reason, then band), so the chips never depend on the rows' order in SQL.
      const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      return [...perBand.values()].sort((a, b) => b.count - a.count || byText(a.reason, b.reason) || byText(a.band, b.band)).slice(0, 200);
    },

    /**
     * Comment themes among detractors and among promoters: the newest `THEME_SAMPLE` comments of
     * each band among the newest `COMMENT_SAMPLE` comments. The band is picked after that sample
     * is taken, so the newest comments come straight off the `answered_at` index.
     */
    async themes(filters: Filters): Promise<Record<'detractor' | 'promoter', Themes>> {
      // One pass over the sample for both bands.
      const w = where(filters, ["r.comment IS NOT NULL", "r.comment <> ''"]);
      const { rows } = await db.query<{ band: Band; comment: string }>(
        `SELECT band, comment FROM (
           SELECT ${bandSql(kinds)} AS band, r.comment, row_number() OVER (PARTITION BY ${bandSql(kinds)} ORDER BY r.answered_at DESC) AS n
           FROM (SELECT r.comment, r.type, r.score, r.answered_at FROM responses r ${w.sql} ORDER BY r.answered_at DESC LIMIT ${COMMENT_SAMPLE}) AS r
         ) AS ranked WHERE band IN ('detractor', 'promoter') AND n <= ${THEME_SAMPLE} ORDER BY n`,
        w.params,
      );
      const of = (band: Band) => commentThemes(rows.filter((row) => row.band === band).map((row) => row.comment));
      return { detractor: of('detractor'), promoter: of('promoter') };
    },

    /** Survey ids with their type and answer count (for the filter). */
    async surveys(): Promise<{ survey: string; type: string; count: number }[]> {
      const bySurvey = new Map<string, { survey: string; type: string; count: number }>();
      for (const { group, type, count } of await counts({ context: {} }, { by: 'survey' })) {
        const survey = bySurvey.get(group!) ?? { survey: group!, type, count: 0 };
        survey.count += count;
        if (type < survey.type) survey.type = type;
        bySurvey.set(survey.survey, survey);
      }
      return [...bySurvey.values()].sort((a, b) => (a.survey < b.survey ? -1 : a.survey > b.survey ? 1 : 0));
    },
  };
}

export type DashboardQueries = ReturnType<typeof createDashboardQueries>;

/** The Monday on or before `date` (YYYY-MM-DD), or the first of its month. */
export function periodStart(date: string, unit: 'week' | 'month'): string {
  if (unit === 'month') return `${date.slice(0, 8)}01`;
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** Periods a trend shows at most: the newest ones (about 8 years of weeks). */
export const MAX_PERIODS = 400;

/** Every week (Monday) or month start from `first` to `last` (YYYY-MM-DD); the newest `MAX_PERIODS`. */
export function periodsBetween(first: string, last: string, unit: 'week' | 'month'): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const periods: string[] = [];
  // Walk back from the last period, so a long range keeps its newest periods.
  const date = new Date(`${periodStart(last, unit)}T00:00:00Z`);
  while (date.getTime() >= start && periods.length < MAX_PERIODS) {
    periods.push(date.toISOString().slice(0, 10));
    if (unit === 'week') date.setUTCDate(date.getUTCDate() - 7);
    else date.setUTCMonth(date.getUTCMonth() - 1);
  }
  return periods.reverse();
}
