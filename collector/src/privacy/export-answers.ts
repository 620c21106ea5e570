import { describeSelector, selectorCondition, type AnswerSelector } from './answer-selector';
import type { Queryable } from '../db/database';

/** A person's answers as the SDK sent them (payload version 1), with when each arrived. */
export interface PersonalExport {
  about: string;
  exportedAt: string;
  answers: Array<{ receivedAt: string; answer: Record<string, unknown> }>;
}

/**
 * Everything stored about one person (or one answer): each answer exactly as it was received —
 * score, comment, reasons, contact consent, the page, the `user` and `context` objects — oldest
 * first. What the collector derives from an answer (a case's status, alert deliveries) is the
 * shop's own work record and is not part of a person's data export.
 */
export function createAnswerExporter({ db, now = () => new Date() }: { db: Queryable; now?: () => Date }) {
  return async function exportAnswers(selector: AnswerSelector): Promise<PersonalExport> {
    const where = selectorCondition(selector);
    const { rows } = await db.query(
      `SELECT payload, received_at FROM responses WHERE ${where.sql} ORDER BY answered_at, id`,
      [where.param],
    );
    return {
      about: describeSelector(selector),
      exportedAt: now().toISOString(),
      answers: rows.map((row) => ({
        receivedAt: new Date(row.received_at as string | Date).toISOString(),
        answer: typeof row.payload === 'string' ? JSON.parse(row.payload) : (row.payload as Record<string, unknown>),
      })),
    };
  };
}
