import type { Queryable } from '../db/database';
import { orderKey } from './link-survey';


/** What `claimOrder` decided for one stored answer. */
export type OrderClaim =
  | { kind: 'not-single-use' }
  | { kind: 'claimed'; order: string }
  | { kind: 'already-answered'; order: string }
  | { kind: 'order-missing' };

/**
 * The single-use rule, run inside the transaction that stores an answer: for a survey the owner
 * made single-use, the first answer carrying `context.order` claims that order; any other answer
 * for the same survey and order finds the claim taken. The primary key on (survey, order) decides
 * between two answers racing on two collector instances, so the rule holds without a lock.
 * Deleting the answer (erase, retention) deletes its claim with it.
 */
export async function claimOrder(
  tx: Queryable,
  answer: { id: string; survey: string; context?: Record<string, unknown> | null },
): Promise<OrderClaim> {
  const { rows } = await tx.query<{ single_use: boolean }>('SELECT single_use FROM link_surveys WHERE id = $1', [answer.survey]);
  if (!rows[0]?.single_use) return { kind: 'not-single-use' };
  const order = answer.context?.[orderKey];
  if (typeof order !== 'string' || order === '') return { kind: 'order-missing' };
  const claimed = await tx.query(
    'INSERT INTO link_orders (survey_id, order_key, answer_id) VALUES ($1, $2, $3) ON CONFLICT (survey_id, order_key) DO NOTHING RETURNING answer_id',
    [answer.survey, order, answer.id],
  );
  return claimed.rows.length ? { kind: 'claimed', order } : { kind: 'already-answered', order };
}

/** True when a single-use survey's order already has its answer (the survey page then says so). */
export async function isOrderAnswered(db: Queryable, surveyId: string, order: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM link_orders WHERE survey_id = $1 AND order_key = $2', [surveyId, order]);
  return rows.length > 0;
}
