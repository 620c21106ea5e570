import { randomBytes, randomUUID } from 'node:crypto';
import type * as receiverKit from 'hearback/receiver';
import type { Answer } from 'hearback/receiver';
import { isAnswerRefused } from '../answer-refused';
import type { Queryable } from '../db/database';
import type { LinkSigner } from '../links/link-signer';
import type { LinkSurvey } from '../links/link-survey';
import type { LinkLocale } from '../links/link-texts';
import type { ResponsesStore } from '../responses/responses-store';
import type { Recipient } from './recipient-store';
import { recipientKey } from './recipient-hook';
import type { TapVia } from './tap-link';

/** What recording a tap, or the comment after it, came to. */
export type TapResult =
  | { kind: 'stored'; id: string; key: string }
  | { kind: 'already-counted' }
  | { kind: 'refused'; problems: string[] };

export interface TapDeps {
  kit: typeof receiverKit;
  store: ResponsesStore;
  signer: LinkSigner;
  now: () => Date;
}

/** What the collector writes as `sdk` for answers it records itself. */
const sdk = 'hearback-collector/0.1.0';

/**
 * Records the customer's tap as an answer, as the widget would send it and through the same
 * receiver kit and store (so alerts, the inbox and the one-answer-per-order rule see it like any
 * other): the recipient's context, `channel: 'email'` or `'sms'`, the recipient, and the app's
 * signature over them (the recipient hook and the single-use hook check it). The answer's `key`
 * goes back to the page, so the follow-up comment can amend it.
 */
export async function recordTap(deps: TapDeps, input: { survey: LinkSurvey; recipient: Recipient; score: number; via: TapVia; locale: LinkLocale; url: string }): Promise<TapResult> {
  const fields = { ...input.recipient.context, [recipientKey]: input.recipient.id };
  const sig = await deps.signer.sign(input.survey.id, fields);
  const key = randomBytes(16).toString('base64url');
  const posted = {
    v: 1, id: randomUUID(), key, survey: input.survey.id, type: input.survey.type, score: input.score,
    scale: deps.kit.surveyKinds[input.survey.type].scale, locale: input.locale, url: input.url,
    answeredAt: deps.now().toISOString(), sdk, context: { ...fields, sig, channel: input.via },
  };
  return store(deps, posted, key);
}

/** Adds the follow-up comment to the answer the tap stored (only with that answer's key). */
export async function addComment(deps: TapDeps, db: Queryable, input: { id: string; key: string; comment: string }): Promise<TapResult> {
  const { rows } = await db.query<{ payload: Answer | string }>('SELECT payload FROM responses WHERE id = $1', [input.id]);
  if (!rows[0]) return { kind: 'refused', problems: ['id: no such answer'] };
  const stored: Answer = typeof rows[0].payload === 'string' ? JSON.parse(rows[0].payload) : rows[0].payload;
  return store(deps, { ...stored, comment: input.comment, key: input.key }, input.key);
}

async function store(deps: TapDeps, posted: Record<string, unknown>, key: string): Promise<TapResult> {
  const parsed = deps.kit.parseAnswer(JSON.stringify(posted), { now: deps.now() });
  if (!parsed.ok) return { kind: 'refused', problems: parsed.problems };
  try {
    await deps.store.insert(parsed.answer);
  } catch (error) {
    if (isAnswerRefused(error)) return error.status === 409 ? { kind: 'already-counted' } : { kind: 'refused', problems: [error.message] };
    throw error;
  }
  return { kind: 'stored', id: parsed.answer.id, key };
}
