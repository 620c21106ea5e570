import type { Queryable } from '../db/database';
import { orderKey } from './link-survey';

/**
 * The form of an order number that claims it: compatibility-composed (full-width `Ａ１７` is `A17`),
 * without white space or invisible format characters, lower case. A visitor (or anyone posting
 * to the public endpoint) cannot answer `A17` twice as `a17`, ` A17` or `A 17`.
 */
export function orderClaimKey(order: string): string {
  return order.normalize('NFKC').replace(/[\s\p{Cf}]+/gu, '').toLowerCase();
}

/** What `claimOrder` decided for one stored answer. */
export type OrderClaim =
  | { kind: 'not-single-use' }
  | { kind: 'claimed'; order: string }
  | { kind: 'already-answered'; order: string }
  | { kind: 'order-missing' };

/**
 * The single-use rule, run inside the transaction that stores an answer (`singleUseSurveys`: the
 * ids of the surveys made single-use, as of that transaction): for a survey the owner
 * made single-use, the first answer carrying `context.order` claims that order; any other answer
 * for the same survey and order finds the claim taken. The primary key on (survey, order) decides
 * between two answers racing on two collector instances, so the rule holds without a lock.
 * Deleting the answer (erase, retention) deletes its claim with it.
 */
export async function claimOrder(
  tx: Queryable,
  answer: { id: string; survey: string; context?: Record<string, unknown> | null },
  singleUseSurveys: ReadonlySet<string>,
): Promise<OrderClaim> {
  if (!singleUseSurveys.has(answer.survey)) return { kind: 'not-single-use' };
  const order = answer.context?.[orderKey];
  if (typeof order !== 'string' || orderClaimKey(order) === '') return { kind: 'order-missing' };
  const claimed = await tx.query(
    'INSERT INTO link_orders (survey_id, order_key, answer_id) VALUES ($1, $2, $3) ON CONFLICT (survey_id, order_key) DO NOTHING RETURNING answer_id',
    [answer.survey, orderClaimKey(order), answer.id],
  );
  return claimed.rows.length ? { kind: 'claimed', order } : { kind: 'already-answered', order };
}

/** True when a single-use survey's order already has its answer (the survey page then says so). */
export async function isOrderAnswered(db: Queryable, surveyId: string, order: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM link_orders WHERE survey_id = $1 AND order_key = $2', [surveyId, orderClaimKey(order)]);
  return rows.length > 0;
}

/** The ids of the single-use surveys. */
export async function singleUseSurveyIds(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM link_surveys WHERE single_use');
  return new Set(rows.map((row) => row.id));
}
