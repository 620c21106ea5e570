import type { AnswerHook, Precheck } from '../answer-hooks';
import { AnswerRefused } from '../answer-refused';
import { createSettingsCache } from '../settings-cache';
import { claimOrder, singleUseSurveyIds } from './single-use';

/**
 * The answer hook for single-use links: the first answer for a survey and order is stored; a
 * second one is refused with 409 (the SDK counts it as delivered, the survey page says "already
 * counted"); an answer to a single-use survey without an order is refused with 400.
 */
export function createSingleUseHook(): { hook: AnswerHook; precheck: Precheck } {
  const surveys = createSettingsCache(singleUseSurveyIds);
  const precheck: Precheck = (answer) => {
    const known = surveys.peek();
    return known ? { needed: known.value.has(answer.survey), settingsVersion: known.version } : 'unknown';
  };
  const hook: AnswerHook = async (tx, answer, { settingsVersion }) => {
    const claim = await claimOrder(tx, answer, await surveys.read(tx, settingsVersion));
    if (claim.kind === 'already-answered') {
      throw new AnswerRefused(409, `survey "${answer.survey}" takes one answer per order, and order "${claim.order}" already has one`);
    }
    if (claim.kind === 'order-missing') {
      throw new AnswerRefused(400, `context.order: survey "${answer.survey}" takes one answer per order, so each answer needs its order (a non-empty string)`);
    }
  };
  return { hook, precheck };
}
