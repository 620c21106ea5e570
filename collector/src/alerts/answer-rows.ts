import type { AlertAnswer } from './answer';
import type { Queryable } from './database';

const columns = 'id, survey, type, score, comment, locale, answered_at, user_data, context, reasons, contact';

export function answerFromRow(row: Record<string, any>): AlertAnswer {
  return {
    id: row.id,
    survey: row.survey,
    type: row.type,
    score: Number(row.score),
    comment: row.comment ?? null,
    locale: row.locale ?? null,
    answeredAt: new Date(row.answered_at),
    user: row.user_data ?? null,
    context: row.context ?? null,
    reasons: row.reasons ?? null,
    contact: row.contact ?? null,
  };
}

export async function loadAnswer(db: Queryable, id: string): Promise<AlertAnswer | null> {
  const { rows } = await db.query(`SELECT ${columns} FROM responses WHERE id = $1`, [id]);
  return rows[0] ? answerFromRow(rows[0]) : null;
}

/** Answers given in [from, to), oldest first. */
export async function loadAnswersBetween(db: Queryable, from: Date, to: Date): Promise<AlertAnswer[]> {
  const { rows } = await db.query(
    `SELECT ${columns} FROM responses WHERE answered_at >= $1 AND answered_at < $2 ORDER BY answered_at`,
    [from.toISOString(), to.toISOString()],
  );
  return rows.map(answerFromRow);
}
