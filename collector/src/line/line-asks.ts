import { randomBytes } from 'node:crypto';
import type { Lang } from '../app-env';
import type { Queryable } from '../db/database';

/** One survey question sent in a chat (`line_asks`). */
export interface Ask {
  id: string;
  surveyId: string;
  userId: string;
  locale: Lang;
  context: Record<string, unknown> | null;
  sentAt: Date | null;
  answerId: string | null;
  answerKey: string | null;
  score: number | null;
}

interface AskRow {
  id: string;
  survey_id: string;
  user_id: string;
  locale: string;
  context: Record<string, unknown> | string | null;
  sent_at: Date | string | null;
  answer_id: string | null;
  answer_key: string | null;
  score: number | null;
}

const toAsk = (row: AskRow): Ask => ({
  id: row.id,
  surveyId: row.survey_id,
  userId: row.user_id,
  locale: row.locale === 'en' ? 'en' : 'th',
  context: typeof row.context === 'string' ? JSON.parse(row.context) : row.context,
  sentAt: row.sent_at === null ? null : new Date(row.sent_at),
  answerId: row.answer_id,
  answerKey: row.answer_key,
  score: row.score === null ? null : Number(row.score),
});

/** How long after the score tap the customer's next text is taken as the comment. */
export const commentWindowMs = 10 * 60_000;

/** Questions and answer keys older than this are forgotten (the answers themselves stay). */
const keepMs = 7 * 24 * 3600_000;

const columns = 'id, survey_id, user_id, locale, context, sent_at, answer_id, answer_key, score';

/** 128 random bits, base64url: a question's id (the answer's id is `line-<ask id>`). */
export const newAskId = () => randomBytes(16).toString('base64url');

/** The chat questions: asked, answered (score), commented. */
export function createAskStore(db: Queryable, now: () => Date) {
  return {
    /**
     * Records a question about to be sent. With `pushKey`, a question already recorded under that key
     * is returned instead (`created: false`), so a retried push reuses its question and retry key.
     */
    async create(input: { surveyId: string; userId: string; locale: Lang; context?: Record<string, unknown>; pushKey?: string }): Promise<{ ask: Ask; created: boolean }> {
      const at = now();
      await db.query('DELETE FROM line_asks WHERE asked_at < $1', [new Date(at.getTime() - keepMs)]);
      const { rows } = await db.query<AskRow & Record<string, unknown>>(
        `INSERT INTO line_asks (id, survey_id, user_id, locale, context, push_key, asked_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
         ON CONFLICT (push_key) DO NOTHING RETURNING ${columns}`,
        [newAskId(), input.surveyId, input.userId, input.locale, input.context ? JSON.stringify(input.context) : null, input.pushKey ?? null, at],
      );
      if (rows[0]) return { ask: toAsk(rows[0]), created: true };
      const existing = await db.query<AskRow & Record<string, unknown>>(`SELECT ${columns} FROM line_asks WHERE push_key = $1`, [input.pushKey]);
      return { ask: toAsk(existing.rows[0]), created: false };
    },
    async get(id: string): Promise<Ask | undefined> {
      const { rows } = await db.query<AskRow & Record<string, unknown>>(`SELECT ${columns} FROM line_asks WHERE id = $1`, [id]);
      return rows[0] && toAsk(rows[0]);
    },
    /** Records that the question went out; the ask the first time, undefined when it was already sent. */
    async markSent(id: string): Promise<Ask | undefined> {
      const { rows } = await db.query<AskRow & Record<string, unknown>>(
        `UPDATE line_asks SET sent_at = $2 WHERE id = $1 AND sent_at IS NULL RETURNING ${columns}`, [id, now()]);
      return rows[0] && toAsk(rows[0]);
    },
    /** Records the answer the question's first score tap stored, with the key its comment will need. */
    async markAnswered(id: string, answer: { id: string; key: string; score: number }): Promise<void> {
      await db.query(
        'UPDATE line_asks SET answer_id = $2, answer_key = $3, score = $4, answered_at = $5 WHERE id = $1 AND answered_at IS NULL',
        [id, answer.id, answer.key, answer.score, now()],
      );
    },
    /**
     * The question this user scored within the comment window and has not commented on, claimed for
     * the comment now (its key is handed over once and forgotten); undefined when there is none.
     */
    async take(userId: string): Promise<Ask | undefined> {
      const at = now();
      const { rows } = await db.query<AskRow & Record<string, unknown>>(
        `WITH target AS (
           SELECT id, answer_key FROM line_asks
           WHERE user_id = $1 AND answered_at > $2 AND commented_at IS NULL AND answer_key IS NOT NULL
           ORDER BY answered_at DESC LIMIT 1 FOR UPDATE)
         UPDATE line_asks a SET commented_at = $3, answer_key = NULL FROM target
         WHERE a.id = target.id AND a.commented_at IS NULL
         RETURNING a.id, a.survey_id, a.user_id, a.locale, a.context, a.sent_at, a.answer_id, target.answer_key, a.score`,
        [userId, new Date(at.getTime() - commentWindowMs), at],
      );
      return rows[0] && toAsk(rows[0]);
    },
  };
}

export type AskStore = ReturnType<typeof createAskStore>;
