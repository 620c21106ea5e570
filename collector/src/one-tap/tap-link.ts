import { surveyKinds } from 'hearback/receiver';
import { signatureKey, type LinkSigner } from '../links/link-signer';
import type { LinkSurvey } from '../links/link-survey';
import { surveyLink } from '../links/link-url';

/**
 * A one-tap link's own query parameters: `t` the recipient, `score` the score tapped in the email
 * (none in the SMS link), `via=sms` for the SMS link (email otherwise), and `sig` over them.
 */
export const recipientParam = 't';
const scoreParam = 'score';
const viaParam = 'via';
/** Parameters a one-tap link may carry besides its signed ones (the page's language and debug switches). */
const pageParams = new Set(['lang', 'debug']);

export type TapVia = 'email' | 'sms';

/** What a one-tap link says, once its signature is checked. */
export interface TapLink {
  recipientId: string;
  /** The score the customer tapped in the email; undefined for the SMS link. */
  score?: number;
  via: TapVia;
}

/** `unsubscribe` links are signed as the survey `_unsubscribe`, a name no survey can have. */
const unsubscribeScope = '_unsubscribe';
export const unsubscribePath = '/s/_/unsubscribe';

/** The scores of a survey type, lowest first (NPS 0–10, CSAT 1–5, CES 1–7). */
export function scoresOf(type: LinkSurvey['type']): number[] {
  const [low, high] = surveyKinds[type].scale;
  return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

/** The links of one recipient: one per score for the email, one without a score for the SMS, and the unsubscribe link. */
export interface RecipientLinks {
  scores: { score: number; url: string }[];
  sms: string;
  unsubscribe: string;
}

/**
 * Signs a recipient's links with the app's link key (`link-signer.ts`): the survey, the recipient
 * and the score (or `via=sms`) are signed, so a changed score, recipient or survey is refused. The
 * recipient's context (order, branch…) stays in the database, so it cannot be changed in the link
 * at all, and the SMS link stays short.
 */
export async function recipientLinks(signer: LinkSigner, publicUrl: string, survey: Pick<LinkSurvey, 'id' | 'type'>, recipientId: string): Promise<RecipientLinks> {
  const link = async (fields: Record<string, string>) => surveyLink(publicUrl, survey.id, { ...fields, [signatureKey]: await signer.sign(survey.id, fields) });
  const scores = await Promise.all(scoresOf(survey.type).map(async (score) => ({ score, url: await link({ [recipientParam]: recipientId, [scoreParam]: String(score) }) })));
  const sms = await link({ [recipientParam]: recipientId, [viaParam]: 'sms' });
  const unsubscribeFields = { [recipientParam]: recipientId };
  const unsubscribe = new URL(unsubscribePath.slice(1), publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
  unsubscribe.searchParams.set(recipientParam, recipientId);
  unsubscribe.searchParams.set(signatureKey, await signer.sign(unsubscribeScope, unsubscribeFields));
  return { scores, sms, unsubscribe: unsubscribe.href };
}

/** Whether a page's query is a one-tap link (it carries a recipient). */
export const isTapLink = (params: URLSearchParams) => params.has(recipientParam);

/**
 * Reads a one-tap link: undefined when anything is off — a parameter that is not the link's own
 * (a context field added by hand), a repeated one, a score outside the survey's scale, or a
 * signature that does not match the survey, recipient, score and channel.
 */
export async function readTapLink(signer: LinkSigner, survey: Pick<LinkSurvey, 'id' | 'type'>, params: URLSearchParams): Promise<TapLink | undefined> {
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    if (pageParams.has(key)) continue;
    if (![recipientParam, scoreParam, viaParam, signatureKey].includes(key) || key in fields) return undefined;
    fields[key] = value;
  }
  const recipientId = fields[recipientParam];
  if (!recipientId || (fields[viaParam] !== undefined && fields[viaParam] !== 'sms')) return undefined;
  const score = fields[scoreParam] === undefined ? undefined : Number(fields[scoreParam]);
  if (score !== undefined && !(/^\d{1,2}$/.test(fields[scoreParam]) && scoresOf(survey.type).includes(score))) return undefined;
  if (await signer.check(survey.id, fields)) return undefined;
  return { recipientId, score, via: fields[viaParam] === 'sms' ? 'sms' : 'email' };
}

/** The recipient of a signed unsubscribe link, or undefined. */
export async function readUnsubscribeLink(signer: LinkSigner, params: URLSearchParams): Promise<string | undefined> {
  const recipientId = params.get(recipientParam);
  if (!recipientId) return undefined;
  const fields = { [recipientParam]: recipientId, [signatureKey]: params.get(signatureKey) ?? '' };
  return (await signer.check(unsubscribeScope, fields)) ? undefined : recipientId;
}
