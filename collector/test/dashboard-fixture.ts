import type { Queryable } from '../src/db/database';
import type { Kinds } from '../src/stats/score-metrics';
import { createCaseOpener } from '../src/inbox/open-case';

export const kinds: Kinds = {
  nps: { scale: [0, 10], passiveFrom: 7, promoterFrom: 9 },
  csat: { scale: [1, 5], passiveFrom: 3, promoterFrom: 4 },
  ces: { scale: [1, 7], passiveFrom: 4, promoterFrom: 5 },
};

export const timeZone = 'Asia/Bangkok';
/** 12:00 in Bangkok on 2026-11-30. */
export const now = new Date('2026-11-30T05:00:00Z');

export interface FixtureAnswer {
  id: string;
  survey: string;
  type: 'nps' | 'csat' | 'ces';
  score: number;
  answeredAt: string;
  comment?: string;
  reasons?: string[];
  locale?: string;
  context?: Record<string, unknown>;
  user?: Record<string, unknown>;
  contact?: true;
}

const scales = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

/**
 * A month at two branches, small enough to work every figure out by hand:
 *   NPS   Siam 10, 9, 9, 6, 3 (3 promoters, 2 detractors → 20)   Chiang Mai 10, 8, 5, 7 (1 and 1 → 0)
 *   CSAT  Siam 5, 4, 2 (2 of 3)                                   Chiang Mai 5, 1 (1 of 2)
 *   CES   Siam 7, 6                                               Chiang Mai 2
 * plus two answers on either side of the 30-day range's first local midnight (2026-11-01 00:00
 * in Bangkok is 2026-10-31T17:00Z).
 */
export function fixtureAnswers(): FixtureAnswer[] {
  const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
  const siam = { branch: 'Siam', touchpoint: 'checkout' };
  const chiangMai = { branch: 'Chiang Mai', touchpoint: 'delivery' };
  const list: FixtureAnswer[] = [
    { id: 'nps-s1', survey: 'relationship', type: 'nps', score: 10, answeredAt: at(3), context: siam, comment: 'Fast delivery and lovely coffee', locale: 'en' },
    { id: 'nps-s2', survey: 'relationship', type: 'nps', score: 9, answeredAt: at(10), context: siam, comment: 'ส่งเร็ว กาแฟหอม', locale: 'th' },
    { id: 'nps-s3', survey: 'relationship', type: 'nps', score: 9, answeredAt: at(20), context: siam, locale: 'th-TH' },
    { id: 'nps-s4', survey: 'relationship', type: 'nps', score: 6, answeredAt: at(21), context: siam, comment: 'รอนานมาก 100% ไม่พอใจ', reasons: ['Delivery'], locale: 'th' },
    { id: 'nps-s5', survey: 'relationship', type: 'nps', score: 3, answeredAt: at(25), context: { ...siam, orderId: 'A17' }, user: { id: 'u-1', name: 'Somchai', phone: '081-234-5678' }, comment: 'Delivery was late, again', reasons: ['Delivery', 'Price'], contact: true, locale: 'en' },
    { id: 'nps-c1', survey: 'relationship', type: 'nps', score: 10, answeredAt: at(5), context: chiangMai, comment: 'Delivery was quick', reasons: ['Quality'], locale: 'en' },
    { id: 'nps-c2', survey: 'relationship', type: 'nps', score: 8, answeredAt: at(12), context: chiangMai, locale: 'en' },
    { id: 'nps-c3', survey: 'relationship', type: 'nps', score: 5, answeredAt: at(19), context: chiangMai, comment: 'Delivery was late', locale: 'en' },
    { id: 'nps-c4', survey: 'relationship', type: 'nps', score: 7, answeredAt: at(28), context: chiangMai, locale: 'th' },
    { id: 'csat-s1', survey: 'after-checkout', type: 'csat', score: 5, answeredAt: at(4), context: siam, locale: 'en' },
    { id: 'csat-s2', survey: 'after-checkout', type: 'csat', score: 4, answeredAt: at(14), context: siam, locale: 'en' },
    { id: 'csat-s3', survey: 'after-checkout', type: 'csat', score: 2, answeredAt: at(24), context: siam, comment: 'Card payment failed twice', locale: 'en' },
    { id: 'csat-c1', survey: 'after-checkout', type: 'csat', score: 5, answeredAt: at(6), context: chiangMai, locale: 'th' },
    { id: 'csat-c2', survey: 'after-checkout', type: 'csat', score: 1, answeredAt: at(29, 17), context: chiangMai, comment: 'จ่ายเงินไม่ได้', locale: 'th' },
    { id: 'ces-s1', survey: 'after-support', type: 'ces', score: 7, answeredAt: at(8), context: siam, locale: 'en' },
    { id: 'ces-s2', survey: 'after-support', type: 'ces', score: 6, answeredAt: at(16), context: siam, locale: 'en' },
    { id: 'ces-c1', survey: 'after-support', type: 'ces', score: 2, answeredAt: at(27), context: chiangMai, comment: 'Hard to reach anyone', locale: 'en' },
    // 2026-10-31T17:00Z is 2026-11-01 00:00 in Bangkok: inside the 30 days; a minute earlier is not.
    { id: 'edge-in', survey: 'relationship', type: 'nps', score: 9, answeredAt: '2026-10-31T17:00:00.000Z', context: siam, locale: 'en' },
    { id: 'edge-out', survey: 'relationship', type: 'nps', score: 0, answeredAt: '2026-10-31T16:59:00.000Z', context: siam, locale: 'en' },
  ];
  return list;
}

/** Stores answers as the collector does: the row and, in the same transaction, the case hook. */
export async function insertAnswers(db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> }, answers: FixtureAnswer[]) {
  const openCase = createCaseOpener(kinds);
  for (const answer of answers) {
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO responses (id, survey, type, score, scale_min, scale_max, comment, reasons, contact, locale, url, answered_at, user_id, user_data, context, sdk, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'hearback/0.1.0', '{}')`,
        [
          answer.id, answer.survey, answer.type, answer.score, scales[answer.type][0], scales[answer.type][1], answer.comment ?? null,
          answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true, answer.locale ?? 'en', 'https://shop.example/',
          answer.answeredAt, (answer.user?.id as string) ?? null, answer.user ? JSON.stringify(answer.user) : null,
          answer.context ? JSON.stringify(answer.context) : null,
        ],
      );
      await openCase(tx, answer);
    });
  }
}
