import { AnswerRefused } from '../answer-refused';
import type { Queryable } from '../db/database';
import { claimOrder } from './single-use';

/**
 * The answer hook for single-use links: the first answer for a survey and order is stored; a
 * second one is refused with 409 (the SDK counts it as delivered, the survey page says "already
 * counted"); an answer to a single-use survey without an order is refused with 400.
 */
export async function singleUseHook(tx: Queryable, answer: { id: string; survey: string; context?: Record<string, unknown> | null }) {
  const claim = await claimOrder(tx, answer);
  if (claim.kind === 'already-answered') {
    throw new AnswerRefused(409, `survey "${answer.survey}" takes one answer per order, and order "${claim.order}" already has one`);
  }
  if (claim.kind === 'order-missing') {
    throw new AnswerRefused(400, `context.order: survey "${answer.survey}" takes one answer per order, so each answer needs its order (a non-empty string)`);
  }
}
