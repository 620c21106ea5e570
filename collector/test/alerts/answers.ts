import { randomUUID } from 'node:crypto';
import type { AlertAnswer } from '../../src/alerts/answer';
import type { AlertDatabase, Queryable } from '../../src/alerts/database';

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

/** Stores an answer and runs the hook in one transaction, as the collector does. */
export async function storeAnswer(db: AlertDatabase, answer: AlertAnswer, hook: (tx: Queryable, answer: AlertAnswer) => Promise<void>) {
  const scale = { nps: [0, 10], csat: [1, 5], ces: [1, 7] }[answer.type];
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO responses (id, survey, type, score, scale_min, scale_max, comment, locale, url, answered_at, user_id, user_data, context, reasons, contact, sdk, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'https://shop.example/checkout', $9, $10, $11, $12, $13, $14, 'hearback/0.1.0', '{}')`,
      [answer.id, answer.survey, answer.type, answer.score, scale[0], scale[1], answer.comment ?? null, answer.locale ?? 'th',
        answer.answeredAt.toISOString(), answer.user?.id ?? null, JSON.stringify(answer.user ?? null), JSON.stringify(answer.context ?? null),
        JSON.stringify(answer.reasons ?? null), answer.contact ?? false],
    );
    await hook(tx, answer);
  });
}
