import type { AlertAnswer } from './answer';
import type { Queryable } from '../db/database';

const columns = 'id, survey, type, score, comment, locale, answered_at, user_data, context, reasons, contact, contact_via';

// jsonb arrives parsed from both adapters; a string is parsed, in case a driver hands one over.
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value ?? null);

type AnswerRow = {
  id: string;
  survey: string;
  type: AlertAnswer['type'];
  score: number;
  comment: string | null;
  locale: string | null;
  answered_at: string | Date;
  user_data: unknown;
  context: unknown;
  reasons: unknown;
  contact: boolean | null;
  contact_via: unknown;
};

export function answerFromRow(row: AnswerRow): AlertAnswer {
  return {
    id: row.id,
    survey: row.survey,
    type: row.type,
    score: Number(row.score),
    comment: row.comment ?? null,
    locale: row.locale ?? null,
    answeredAt: new Date(row.answered_at),
    user: json(row.user_data),
    context: json(row.context),
    reasons: json(row.reasons),
    contact: row.contact ?? null,
    contactVia: json(row.contact_via),
  };
}

export async function loadAnswer(db: Queryable, id: string): Promise<AlertAnswer | null> {
  const { rows } = await db.query<AnswerRow>(`SELECT ${columns} FROM responses WHERE id = $1`, [id]);
  return rows[0] ? answerFromRow(rows[0]) : null;
}

/** Answers given in [from, to), oldest first. */
export async function loadAnswersBetween(db: Queryable, from: Date, to: Date): Promise<AlertAnswer[]> {
  const { rows } = await db.query<AnswerRow>(
    `SELECT ${columns} FROM responses WHERE answered_at >= $1 AND answered_at < $2 ORDER BY answered_at`,
    [from.toISOString(), to.toISOString()],
  );
  return rows.map(answerFromRow);
}
