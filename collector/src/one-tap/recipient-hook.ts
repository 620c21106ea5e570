import type { AnswerHook, Precheck } from '../answer-hooks';
import { AnswerRefused } from '../answer-refused';
import { signatureKey, type LinkSigner } from '../links/link-signer';

/** The context key that names the recipient whose one-tap links gave an answer. */
export const recipientKey = 'recipient';

/**
 * One answer per recipient: an answer whose context claims a recipient (`recipient` with a `sig`)
 * must carry the context this app signed for them (the one-tap page signs it when it records the
 * tap), else 400; it claims that recipient in the answer's transaction, and a second answer finds
 * the claim taken: 409, and the page says "already counted". A site's own `recipient` key without
 * a `sig` is just context: it claims nothing. The precheck is in memory: only claims run the hook.
 */
export function createRecipientHook(signer: LinkSigner): { hook: AnswerHook; precheck: Precheck } {
  const claims = (context: Record<string, unknown> | undefined) => typeof context?.[recipientKey] === 'string' && typeof context?.[signatureKey] === 'string';
  const precheck: Precheck = (answer) => ({ needed: claims(answer.context) });
  const hook: AnswerHook = async (tx, answer) => {
    const recipient = answer.context?.[recipientKey];
    if (!claims(answer.context) || typeof recipient !== 'string') return;
    if (await signer.check(answer.survey, answer.context, tx)) {
      throw new AnswerRefused(400, `context.${recipientKey}: only this app's one-tap page may answer for an email or SMS recipient (the context is not signed by it)`);
    }
    const claimed = await tx.query(
      'UPDATE one_tap_recipients SET answer_id = $1 WHERE id = $2 AND survey_id = $3 AND answer_id IS NULL RETURNING id',
      [answer.id, recipient, answer.survey],
    );
    if (claimed.rows.length === 0) throw new AnswerRefused(409, `recipient "${recipient}" of survey "${answer.survey}" has answered already`);
  };
  return { hook, precheck };
}
