import type { LinkSigner } from '../links/link-signer';

/** What a score button posts back: the survey, the question it answers, the score, and who may tap it. */
export interface AnswerRef {
  survey: string;
  ask: string;
  score: number;
}

const version = 'hb1';

// Signed under a name no link survey can have (ids are a-z0-9-), so a button's signature is never a link's.
const signedName = (survey: string) => `line:${survey}`;

/**
 * The postback `data` of a score button, `hb1|<survey>|<ask>|<score>|<sig>` (LINE allows 300
 * characters; this is under 120): `sig` is the app's link signature over the survey, the question,
 * the score and the LINE user it was sent to, so a tap can only answer the question its own chat
 * was asked, with a score the buttons offered.
 */
export async function answerRefData(signer: LinkSigner, ref: AnswerRef, userId: string): Promise<string> {
  const sig = await signer.sign(signedName(ref.survey), { ask: ref.ask, score: String(ref.score), user: userId });
  return [version, ref.survey, ref.ask, ref.score, sig].join('|');
}

/** The reference in a postback from `userId`, when it is one of ours and its signature holds. */
export async function readAnswerRef(signer: LinkSigner, data: string, userId: string): Promise<AnswerRef | undefined> {
  const [tag, survey, ask, score, sig, ...rest] = data.split('|');
  if (tag !== version || rest.length || !survey || !ask || !/^\d{1,2}$/.test(score ?? '') || !sig) return undefined;
  const problem = await signer.check(signedName(survey), { ask, score, user: userId, sig });
  return problem ? undefined : { survey, ask, score: Number(score) };
}
