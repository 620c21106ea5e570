import type { Queryable } from '../db/database';
import type { Kinds, SurveyType } from '../stats/score-metrics';

/** The part of a stored answer that decides whether it opens a case. */
export interface CaseSource {
  id: string;
  type: SurveyType;
  score: number;
  answeredAt: string;
}

/**
 * An `onAnswerStored` hook: an answer in the detractor band of its type (below the passive band,
 * as the SDK's survey kinds draw it) opens a case in the answer's own transaction, so an answer
 * is never stored without its case. A repeat of the same answer opens nothing new.
 */
export function createCaseOpener(kinds: Kinds) {
  return async function openCase(tx: Queryable, answer: CaseSource): Promise<void> {
    if (!opensCase(kinds, answer)) return;
    await tx.query('INSERT INTO cases (response_id, opened_at) VALUES ($1, $2) ON CONFLICT (response_id) DO NOTHING', [answer.id, answer.answeredAt]);
  };
}

/** Whether an answer is in the detractor band of its type, so it opens a case. */
export function opensCase(kinds: Kinds, answer: Pick<CaseSource, 'type' | 'score'>): boolean {
  const kind = kinds[answer.type];
  return Boolean(kind) && answer.score < kind.passiveFrom;
}
