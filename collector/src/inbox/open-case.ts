import type { GroupedWrite } from '../answer-hooks';
import type { Queryable } from '../db/database';
import { singleRowStatement } from '../responses/group-insert';
import type { Kinds, SurveyType } from '../stats/score-metrics';
import { defaultInboxDueHours } from '../site-settings/live-settings';

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
 * is never stored without its case, due `dueHours()` after the answer (Settings → Site, 48 by
 * default). A repeat of the same
 * answer opens nothing new. An answer that arrives after its case's due time (kept offline for
 * days) opens a case that is overdue from the start: the answer's own alert says so, so it is
 * marked as alerted and gets no second, "overdue" alert a moment later. Its `precheck` gives the
 * case as a row of `caseWrite`, so the answer can still be stored with a group (`group-insert.ts`).
 */
export function createCaseOpener(kinds: Kinds, now: () => Date = () => new Date(), dueHours: () => number = () => defaultInboxDueHours) {
  const row = (answer: CaseSource): unknown[] => {
    const dueAt = new Date(new Date(answer.answeredAt).getTime() + dueHours() * 3_600_000);
    const at = now();
    return [answer.id, answer.answeredAt, dueAt.toISOString(), dueAt <= at ? at.toISOString() : null];
  };
  const insertCase = singleRowStatement(caseWrite);
  async function openCase(tx: Queryable, answer: CaseSource): Promise<void> {
    if (!opensCase(kinds, answer)) return;
    await tx.query(insertCase, row(answer));
  }
  /** The answer hooks' precheck: whether the answer opens a case, and the case's row for the group insert. */
  const precheck = (answer: CaseSource) => (opensCase(kinds, answer) ? { needed: true, row: row(answer) } : { needed: false });
  return Object.assign(openCase, { precheck });
}

/** The case an answer opens, as one row the answer store can write with a group of answers. */
export const caseWrite: GroupedWrite = {
  table: 'cases',
  columns: [['response_id', 'text'], ['opened_at', 'timestamptz'], ['due_at', 'timestamptz'], ['overdue_alerted_at', 'timestamptz']],
  conflict: '(response_id) DO NOTHING',
};

/** Whether an answer is in the detractor band of its type, so it opens a case. */
export function opensCase(kinds: Kinds, answer: Pick<CaseSource, 'type' | 'score'>): boolean {
  const kind = kinds[answer.type];
  return Boolean(kind) && answer.score < kind.passiveFrom;
}
