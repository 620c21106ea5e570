import { describeSelector, selectorCondition, type AnswerSelector } from './answer-selector';
import type { Queryable } from '../db/database';

/** What an erase removed: the ids of the answers (everything derived from them went with them). */
export interface Erased {
  about: string;
  answers: string[];
}

/**
 * Erases one person's answers, or one answer, for good. Rows derived from an answer (an inbox
 * case, queued alert deliveries, …) reference `responses(id)` with `ON DELETE CASCADE`, so the
 * database removes them in the same statement; a feature table that refers to answers must do the
 * same, or erasing would fail on its foreign key (and leave personal data behind without one).
 */
export function createAnswerEraser({ db }: { db: Queryable }) {
  return async function erase(selector: AnswerSelector): Promise<Erased> {
    const where = selectorCondition(selector);
    const { rows } = await db.query(`DELETE FROM responses WHERE ${where.sql} RETURNING id`, [where.param]);
    return { about: describeSelector(selector), answers: rows.map((row) => String(row.id)).sort() };
  };
}
