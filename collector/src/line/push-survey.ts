import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Lang } from '../app-env';
import { isDeliveryError, reasonInEnglish } from '../alerts/channels/delivery-error';
import type { LinkSigner } from '../links/link-signer';
import { orderKey } from '../links/link-survey';
import type { ChatSurveySource } from './chat-survey';
import type { LineAccount } from './line-account';
import type { AskStore } from './line-asks';
import type { LineClient } from './line-client';
import type { Conversation } from './conversation';

/** `POST /api/line/surveys` and `hearback-collector line send`: whom to ask, which survey, what it is about. */
export const pushRequestSchema = z.object({
  to: z.string().regex(/^U[0-9a-f]{32}$/, 'must be a LINE user id: U followed by 32 characters 0-9 a-f (the userId of a webhook event)'),
  survey: z.string().min(1, 'must name a survey').max(64),
  context: z.record(
    z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'keys must start with a-z and use a-z, 0-9, _ (at most 32 characters)'),
    z.string().max(200, 'values must be strings of at most 200 characters'),
  ).refine((context) => Object.keys(context).length <= 20, 'must have at most 20 keys').optional(),
  lang: z.enum(['th', 'en'], { message: 'must be th or en' }).default('th'),
  /** Makes this push distinct from an earlier one with the same fields (else they are one push). */
  key: z.string().min(1).max(200).optional(),
});

export type PushRequest = z.input<typeof pushRequestSchema>;

export type PushResult =
  | { ok: true; ask: string; duplicate: boolean }
  | { ok: false; status: 400 | 404 | 409 | 502 | 503; problem: string; retryAfterSeconds?: number };

export interface PushDeps {
  account: () => Promise<LineAccount>;
  clientFor: (token: string) => LineClient;
  asks: AskStore;
  surveys: ChatSurveySource;
  signer: LinkSigner;
  conversation: Pick<Conversation, 'questionFor'>;
}

/** LINE wants the retry key as a UUID: this one is made from the push's own key, so every retry carries the same. */
export function retryKeyOf(pushKey: string): string {
  const hex = createHash('sha256').update(`hearback-line-push/1\0${pushKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One push per customer, survey, context and `key`: a retried request finds its first push. */
const pushKeyOf = (input: { to: string; survey: string; context?: Record<string, string>; key?: string }) =>
  createHash('sha256').update(JSON.stringify([input.to, input.survey, Object.entries(input.context ?? {}).sort(), input.key ?? null])).digest('base64url');

/**
 * Pushes the survey question to one LINE user (after an order, say). The request is made once:
 * repeating it — a client retrying after a timeout — finds the question already sent and sends
 * nothing; a repeat after a failed send sends with the same `X-Line-Retry-Key`, which LINE
 * accepts once. A single-use survey needs `context.order`, and the context is signed like a
 * receipt's link.
 */
export async function pushSurvey(deps: PushDeps, raw: unknown): Promise<PushResult> {
  const parsed = pushRequestSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, status: 400, problem: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') };
  }
  const input = parsed.data;
  const account = await deps.account();
  if (!account.channelToken) return { ok: false, status: 409, problem: 'LINE is not connected: set the channel access token on the LINE page or in HEARBACK_LINE_CHANNEL_TOKEN' };
  const survey = await deps.surveys(input.survey);
  if (!survey) return { ok: false, status: 404, problem: `survey: there is no survey "${input.survey}"` };
  let context: Record<string, string> | undefined = input.context;
  if (survey.singleUse) {
    if (!context?.[orderKey]) return { ok: false, status: 400, problem: `context.order: survey "${survey.id}" takes one answer per order, so a push needs the order` };
    context = { ...context, sig: await deps.signer.sign(survey.id, context) };
  }
  const pushKey = pushKeyOf({ ...input, context: input.context });
  const { ask } = await deps.asks.create({ surveyId: survey.id, userId: input.to, locale: input.lang as Lang, context, pushKey });
  if (ask.sentAt) return { ok: true, ask: ask.id, duplicate: true };
  try {
    await deps.clientFor(account.channelToken).push(input.to, [await deps.conversation.questionFor(ask, survey)], retryKeyOf(pushKey));
  } catch (error) {
    if (!isDeliveryError(error)) throw error;
    const retryAfterSeconds = error.retryAfterMs === null ? 5 : Math.ceil(error.retryAfterMs / 1000);
    return error.retryable
      ? { ok: false, status: 503, problem: `LINE did not take the message: ${reasonInEnglish(error.reason)}; try again (the same request sends once)`, retryAfterSeconds }
      : { ok: false, status: 502, problem: `LINE refused the message: ${reasonInEnglish(error.reason)}` };
  }
  await deps.asks.markSent(ask.id);
  return { ok: true, ask: ask.id, duplicate: false };
}
