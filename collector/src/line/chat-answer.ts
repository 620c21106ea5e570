import { randomBytes } from 'node:crypto';
import type * as receiverKit from 'hearback/receiver';
import { isAnswerRefused } from '../answer-refused';
import type { ResponsesStore } from '../responses/responses-store';
import type { ChatSurvey } from './chat-survey';
import type { Ask } from './line-asks';
import { surveyKinds } from 'hearback/receiver';
import { maxCommentLength } from 'hearback/receiver';

/** The `sdk` of answers given in LINE chat. */
const chatSdk = 'hearback-collector/line';

/** The stored answer's id for a chat question. */
export const chatAnswerId = (askId: string) => `line-${askId}`;

/** A fresh answer key: 256 random bits, base64url (the payload asks for at least 128). */
export const newAnswerKey = () => randomBytes(32).toString('base64url');

export type ChatAnswerResult = { ok: true; stored: boolean } | { ok: false; problem: string };

/**
 * Records chat answers through the same receiver kit and store as the widget's (`parseAnswer`,
 * then the answer hooks: alerts, the inbox, single-use): `channel: 'line'` in the context, the LINE
 * user as the answer's user, and the answer's key, so the comment typed next amends it as the
 * widget's follow-up does.
 */
export function createChatAnswers({ kit, store, now }: { kit: typeof receiverKit; store: ResponsesStore; now: () => Date }) {
  const payload = (ask: Ask, survey: ChatSurvey, score: number, key: string, comment?: string) => ({
    v: 1,
    id: chatAnswerId(ask.id),
    key,
    survey: survey.id,
    type: survey.type,
    score,
    scale: [...surveyKinds[survey.type].scale],
    ...(comment ? { comment } : {}),
    locale: ask.locale,
    url: 'line:chat',
    answeredAt: now().toISOString(),
    user: { id: ask.userId },
    context: { ...ask.context, channel: 'line' },
    sdk: chatSdk,
  });
  /** `stored`: the score was stored now (not a repeat), or the comment was added now. */
  const save = async (body: ReturnType<typeof payload>): Promise<ChatAnswerResult> => {
    const parsed = kit.parseAnswer(body, { now: now() });
    if (!parsed.ok) return { ok: false, problem: parsed.problems.join('; ') };
    try {
      const result = await store.insert(parsed.answer);
      return { ok: true, stored: result.stored || result.completed };
    } catch (error) {
      if (isAnswerRefused(error)) return { ok: false, problem: error.message };
      throw error;
    }
  };
  return {
    /** Stores the score tapped for `ask`. */
    score: (ask: Ask, survey: ChatSurvey, score: number, key: string) => save(payload(ask, survey, score, key)),
    /** Amends the answer of `ask` with the customer's comment (cut to the comment limit). */
    comment: (ask: Ask & { answerKey: string; score: number }, survey: ChatSurvey, text: string) =>
      save(payload(ask, survey, ask.score, ask.answerKey, [...text.trim()].slice(0, maxCommentLength).join(''))),
  };
}

export type ChatAnswers = ReturnType<typeof createChatAnswers>;
