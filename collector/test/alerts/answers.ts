import { createHash, randomUUID } from 'node:crypto';
import type { Answer } from 'hearback/receiver';
import { createAnswerHooks, type AnswerHook } from '../../src/answer-hooks';
import type { AlertAnswer } from '../../src/alerts/answer';
import type { Database } from '../../src/db/database';
import { createResponsesStore } from '../../src/responses/responses-store';

export function makeAnswer(overrides: Partial<AlertAnswer> = {}): AlertAnswer {
  return {
    id: randomUUID(),
    survey: 'after-checkout',
    type: 'csat',
    score: 2,
    comment: 'รอนานมาก พนักงานไม่สนใจ',
    locale: 'th',
    answeredAt: new Date('2026-11-30T10:00:00Z'),
    user: { id: 'u-42', name: 'Somchai', phone: '081-234-5678' },
    context: { orderId: 'A17', branch: 'Siam', touchpoint: 'checkout' },
    ...overrides,
  };
}

const scales = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

/**
 * The payload v1 the SDK would send for `answer`, with the same `key` on every call for one answer
 * id (as the widget sends the score and its later comment), so a repeat with a comment amends it.
 */
export function toPayload(answer: AlertAnswer): Answer {
  return {
    v: 1,
    id: answer.id,
    key: createHash('sha256').update(`key of ${answer.id}`).digest('base64url').slice(0, 24),
    survey: answer.survey,
    type: answer.type,
    score: answer.score,
    scale: [...scales[answer.type]],
    ...(answer.comment ? { comment: answer.comment } : {}),
    ...(answer.reasons ? { reasons: [...answer.reasons] } : {}),
    ...(answer.contact ? { contact: true as const } : {}),
    locale: answer.locale ?? 'th',
    url: 'https://shop.example/checkout/done',
    answeredAt: answer.answeredAt.toISOString(),
    ...(answer.user ? { user: answer.user } : {}),
    ...(answer.context ? { context: answer.context } : {}),
    sdk: 'hearback/0.1.0',
  } as Answer;
}

/** Stores an answer through the collector's answer store, running `hook` in its transaction. */
export async function storeAnswer(db: Database, answer: AlertAnswer, hook: AnswerHook) {
  const hooks = createAnswerHooks();
  hooks.onAnswerStored(hook);
  await createResponsesStore({ db, hooks }).insert(toPayload(answer));
}
