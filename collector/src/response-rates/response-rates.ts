import type { Queryable } from '../db/database';
import { sentCounts } from '../one-tap/sent-counts';

/** One segment's way from prompt to comment: a survey and channel, and a context value when broken down by a key. */
export interface RateRow {
  survey: string;
  channel: string;
  /** The context value (only with `by`). */
  value?: string;
  shown: number;
  answered: number;
  commented: number;
  /** answered / shown, null when nothing was reported shown. */
  answeredRate: number | null;
  /** commented / answered, null without answers. */
  commentedRate: number | null;
  /** Shown but never answered: left at the score. */
  leftAtScore: number;
  /** Answered without a comment: left at the follow-up. */
  leftAtFollowUp: number;
}

/** A survey seen live on the website (in shown reports or web answers), or published in the app. */
export interface LiveSurvey {
  survey: string;
  shown: number;
  answered: number;
  answeredRate: number | null;
  /** The last answer ever (not only in the period), ISO; null when none. */
  lastAnswerAt: string | null;
}

export interface RatePeriod {
  /** First and last day (YYYY-MM-DD) of the shop's calendar, both counted. */
  from: string;
  to: string;
}

type Counts = { survey: string; channel: string; value?: string; shown: number; answered: number; commented: number };

const answersInPeriod = `answered_at >= ($1::date)::timestamp AT TIME ZONE $3::text AND answered_at < ($2::date + 1)::timestamp AT TIME ZONE $3::text`;

/**
 * Response rates: prompts shown (`shown_counts`: from `POST /api/shown` for the website and kiosk,
 * and each LINE chat question sent, channel `line`) and one-tap email and SMS links sent
 * (`sentCounts`, without `by`) against the answers and comments stored for the same survey,
 * channel and (with `by`) context value, in a period of the shop's days. An answer's channel is its stored `context.channel` (every answer has one).
 * `published` names surveys the app publishes (the survey editor's), listed live even before a
 * page reported them.
 */
export function createResponseRates({ db, timeZone, published = async () => [] }: {
  db: Queryable;
  timeZone: () => string;
  published?: () => Promise<string[]>;
}) {
  return {
    async rates(period: RatePeriod, { survey, by }: { survey?: string; by?: string } = {}): Promise<RateRow[]> {
      const params: unknown[] = [period.from, period.to, timeZone(), survey ?? null, by ?? ''];
      const { rows: shown } = await db.query<{ survey: string; channel: string; value: string; shown: number }>(
        `SELECT survey, channel, value, sum(count)::int AS shown FROM shown_counts
         WHERE day BETWEEN $1::date AND $2::date AND ($4::text IS NULL OR survey = $4) AND key = $5 AND $3::text IS NOT NULL
         GROUP BY survey, channel, value`, params);
      const valueSql = by ? `context ->> $5::text` : `''`;
      const { rows: answered } = await db.query<{ survey: string; channel: string; value: string; answered: number; commented: number }>(
        `SELECT survey, COALESCE(context ->> 'channel', 'web') AS channel, ${valueSql} AS value, count(*)::int AS answered,
           count(*) FILTER (WHERE comment IS NOT NULL AND comment <> '')::int AS commented
         FROM responses
         WHERE ${answersInPeriod} AND ($4::text IS NULL OR survey = $4) AND ($5::text = '' OR context ->> $5::text IS NOT NULL)
         GROUP BY 1, 2, 3`, params);
      const merged = new Map<string, Counts>();
      const at = (row: { survey: string; channel: string; value: string }) => {
        const id = JSON.stringify([row.survey, row.channel, row.value]);
        const found = merged.get(id) ?? { survey: row.survey, channel: row.channel, ...(by ? { value: row.value } : {}), shown: 0, answered: 0, commented: 0 };
        merged.set(id, found);
        return found;
      };
      for (const row of shown) at(row).shown += Number(row.shown);
      // Email and SMS one-tap links sent (or exported) in the period count as asked on their
      // channel. Their recipients' context is not broken down: only without `by`.
      if (!by) for (const row of await sentCounts(db, { timeZone: timeZone(), from: period.from, to: period.to, survey })) at({ ...row, value: '' }).shown += row.sent;
      for (const row of answered) {
        const counts = at(row);
        counts.answered += Number(row.answered);
        counts.commented += Number(row.commented);
      }
      return [...merged.values()].map(withRates).sort((a, b) =>
        a.survey.localeCompare(b.survey) || a.channel.localeCompare(b.channel) || (a.value ?? '').localeCompare(b.value ?? ''));
    },

    /** Context keys the shown reports of the period carry (to break down by), at most 50. */
    async keys(period: RatePeriod): Promise<string[]> {
      const { rows } = await db.query<{ key: string }>(
        `SELECT DISTINCT key FROM shown_counts WHERE day BETWEEN $1::date AND $2::date AND key <> '' ORDER BY key LIMIT 50`, [period.from, period.to]);
      return rows.map((row) => row.key);
    },

    /** The surveys live on the website: reported shown or answered from the web in the period, or published. */
    async live(period: RatePeriod): Promise<LiveSurvey[]> {
      const params = [period.from, period.to, timeZone()];
      const [{ rows: shown }, { rows: answered }, names] = await Promise.all([
        db.query<{ survey: string; shown: number }>(
          `SELECT survey, sum(count)::int AS shown FROM shown_counts WHERE day BETWEEN $1::date AND $2::date AND key = '' AND channel = 'web' AND $3::text IS NOT NULL GROUP BY survey`, params),
        db.query<{ survey: string; answered: number }>(
          `SELECT survey, count(*)::int AS answered FROM responses WHERE ${answersInPeriod} AND COALESCE(context ->> 'channel', 'web') = 'web' GROUP BY survey`, params),
        published(),
      ]);
      const surveys = [...new Set([...names, ...shown.map((row) => row.survey), ...answered.map((row) => row.survey)])].sort();
      if (!surveys.length) return [];
      const { rows: last } = await db.query<{ survey: string; last_at: string | Date }>(
        'SELECT survey, max(answered_at) AS last_at FROM responses WHERE survey IN (SELECT jsonb_array_elements_text($1::jsonb)) GROUP BY survey', [JSON.stringify(surveys)]);
      return surveys.map((survey) => {
        const shownCount = Number(shown.find((row) => row.survey === survey)?.shown ?? 0);
        const answeredCount = Number(answered.find((row) => row.survey === survey)?.answered ?? 0);
        const lastAt = last.find((row) => row.survey === survey)?.last_at;
        return { survey, shown: shownCount, answered: answeredCount, answeredRate: shownCount ? answeredCount / shownCount : null, lastAnswerAt: lastAt ? new Date(lastAt).toISOString() : null };
      });
    },
  };
}

function withRates(counts: Counts): RateRow {
  return {
    ...counts,
    answeredRate: counts.shown ? counts.answered / counts.shown : null,
    commentedRate: counts.answered ? counts.commented / counts.answered : null,
    leftAtScore: Math.max(0, counts.shown - counts.answered),
    leftAtFollowUp: counts.answered - counts.commented,
  };
}

export type ResponseRates = ReturnType<typeof createResponseRates>;
