import { surveyKinds, type Answer } from '../../../src/receiver';
import type { AnswerHooks } from '../answer-hooks';
import type { Database } from '../db/database';
import { recordColumns, toRecord, type AnswerRecord } from './answer-record';
import { whereClause, type Filters } from './filters';
import type { ScoreCount, WeeklyScoreCount } from './summary';
import type { SurveyType } from './survey-types';

export type InsertResult = { stored: true; completed: false } | { stored: false; completed: boolean };

/**
 * Every query on answers, in SQL both PGlite and PostgreSQL accept. Dates are grouped in the shop's
 * `timezone`.
 */
export function createResponsesStore({ db, hooks, timezone }: { db: Database; hooks: AnswerHooks; timezone: string }) {
  const where = (filters: Filters, extra: string[] = []) => whereClause(filters, timezone, extra);
  return {
    /**
     * Stores an answer once, in one transaction with the registered hooks: `stored` is false when
     * its `id` was already there (a retry). A repeat that completes the stored copy — the SDK sent
     * the score when the page was hidden, then the visitor added a comment, reasons or contact
     * consent under the same `id` — fills in what was missing (`completed`) and runs the
     * completion hooks; an identical repeat changes nothing. If a hook throws, nothing is stored.
     */
    insert(answer: Answer): Promise<InsertResult> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query(
          `INSERT INTO responses (id, survey, type, score, scale_min, scale_max, comment, reasons, contact, mode,
             locale, url, answered_at, user_id, user_data, context, sdk, payload)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            answer.id, answer.survey, answer.type, answer.score, answer.scale[0], answer.scale[1],
            answer.comment ?? null, answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true,
            answer.mode ?? null, answer.locale, answer.url, answer.answeredAt,
            typeof answer.user?.id === 'string' ? answer.user.id : null, answer.user ? JSON.stringify(answer.user) : null,
            answer.context ? JSON.stringify(answer.context) : null, answer.sdk, JSON.stringify(answer),
          ],
        );
        if (rows.length === 1) {
          await hooks.runStored(tx, answer);
          return { stored: true, completed: false } as const;
        }
        const completed = await tx.query(
          `UPDATE responses SET comment = COALESCE(comment, $2), reasons = COALESCE(reasons, $3::jsonb), contact = contact OR $4,
             payload = $5::jsonb
           WHERE id = $1 AND ((comment IS NULL AND $2::text IS NOT NULL) OR (reasons IS NULL AND $3::jsonb IS NOT NULL) OR (NOT contact AND $4))
           RETURNING payload`,
          [answer.id, answer.comment ?? null, answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true, JSON.stringify(answer)],
        );
        if (completed.rows.length === 1) await hooks.runCompleted(tx, answer);
        return { stored: false, completed: completed.rows.length === 1 } as const;
      });
    },

    /** Answers matching `filters`, newest first, as flat records (exports). */
    async list(filters: Filters, { limit = 100_000 } = {}): Promise<AnswerRecord[]> {
      const w = where(filters);
      const { rows } = await db.query(`SELECT ${recordColumns} FROM responses ${w.sql} ORDER BY answered_at DESC, id LIMIT ${Math.max(1, Math.floor(limit))}`, w.params);
      return rows.map(toRecord);
    },

    /** How many answers per type and score. */
    async scoreCounts(filters: Filters): Promise<ScoreCount[]> {
      const w = where(filters);
      const { rows } = await db.query(`SELECT type, score, count(*)::int AS count FROM responses ${w.sql} GROUP BY type, score`, w.params);
      return rows as unknown as ScoreCount[];
    },

    /** The same counts per week (weeks start on Monday, in the shop's time zone). */
    async weeklyScoreCounts(filters: Filters): Promise<WeeklyScoreCount[]> {
      const w = where(filters);
      const zone = `$${w.params.length + 1}`;
      const { rows } = await db.query(
        `SELECT to_char(date_trunc('week', answered_at AT TIME ZONE ${zone}), 'YYYY-MM-DD') AS week, type, score, count(*)::int AS count
         FROM responses ${w.sql} GROUP BY 1, 2, 3 ORDER BY 1`,
        [...w.params, timezone],
      );
      return rows as unknown as WeeklyScoreCount[];
    },

    async latestComments(filters: Filters, limit = 8): Promise<AnswerRecord[]> {
      const w = where(filters, ['comment IS NOT NULL', "comment <> ''"]);
      const { rows } = await db.query(`SELECT ${recordColumns} FROM responses ${w.sql} ORDER BY answered_at DESC, id LIMIT ${limit}`, w.params);
      return rows.map(toRecord);
    },

    /** Unhappy answers (the detractor band of their type) whose author agreed to be contacted. */
    async callbacks(filters: Filters, limit = 20): Promise<AnswerRecord[]> {
      const bands = Object.entries(surveyKinds).map(([type, kind]) => `(type = '${type}' AND score < ${Number(kind.passiveFrom)})`);
      const w = where(filters, ['contact', `(${bands.join(' OR ')})`]);
      const { rows } = await db.query(`SELECT ${recordColumns} FROM responses ${w.sql} ORDER BY answered_at DESC, id LIMIT ${limit}`, w.params);
      return rows.map(toRecord);
    },

    /** Survey ids seen, with their type and answer count (the dashboard's filter). */
    async surveys(): Promise<{ survey: string; type: SurveyType; count: number }[]> {
      const { rows } = await db.query('SELECT survey, min(type) AS type, count(*)::int AS count FROM responses GROUP BY survey ORDER BY survey');
      return rows as unknown as { survey: string; type: SurveyType; count: number }[];
    },
  };
}

export type ResponsesStore = ReturnType<typeof createResponsesStore>;
