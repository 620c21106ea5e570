import type { AnswerHook, Precheck } from '../answer-hooks';
import { AnswerRefused } from '../answer-refused';
import { createSettingsCache } from '../settings-cache';
import type { LinkSigner, SignatureProblem } from './link-signer';
import { orderKey } from './link-survey';
import { claimOrder, orderClaimKey, singleUseSurveyIds } from './single-use';

const signatureWords: Record<SignatureProblem, string> = {
  missing: 'carry no signature',
  wrong: 'carry a signature that does not match them',
};

/**
 * The answer hook for single-use links: an answer for a single-use survey must bring its link's
 * fields signed by this app (`context.sig`, `link-signer.ts`), else it is refused with 400 and
 * claims nothing — so nobody can use up a customer's order number by posting it first. The first
 * signed answer for a survey and order is stored; a second one is refused with 409 (the SDK
 * counts it as delivered, the survey page says "already counted"); an answer to a single-use
 * survey without an order is refused with 400.
 */
export function createSingleUseHook(signer: LinkSigner): { hook: AnswerHook; precheck: Precheck } {
  const surveys = createSettingsCache(singleUseSurveyIds);
  const precheck: Precheck = (answer) => {
    const known = surveys.peek();
    return known ? { needed: known.value.has(answer.survey), settingsVersion: known.version } : 'unknown';
  };
  const hook: AnswerHook = async (tx, answer, { settingsVersion }) => {
    const singleUse = await surveys.read(tx, settingsVersion);
    const order = answer.context?.[orderKey];
    if (singleUse.has(answer.survey) && typeof order === 'string' && orderClaimKey(order) !== '') {
      const unsigned = await signer.check(answer.survey, answer.context, tx);
      if (unsigned) {
        throw new AnswerRefused(400, `context.sig: survey "${answer.survey}" takes one answer per order, and only links this app made may claim one; this answer's link fields ${signatureWords[unsigned]} (make links on the links page, with POST /api/links or hearback-collector link)`);
      }
    }
    const claim = await claimOrder(tx, answer, singleUse);
    if (claim.kind === 'already-answered') {
      throw new AnswerRefused(409, `survey "${answer.survey}" takes one answer per order, and order "${claim.order}" already has one`);
    }
    if (claim.kind === 'order-missing') {
      throw new AnswerRefused(400, `context.order: survey "${answer.survey}" takes one answer per order, so each answer needs its order (a non-empty string)`);
    }
  };
  return { hook, precheck };
}
