import type { Database, Queryable } from '../db/database';
import { loadAnswer } from './answer-rows';
import type { OverdueCase } from './message';
import { enqueueAnswerAlerts, loadRuleTargets } from './queue';

/**
 * Queues the overdue alert of each case still open past its due time (`cases.due_at`), once per
 * case: the case is marked in the same transaction, so no later run, no other collector and no
 * reopening alerts it again. The alert goes to the channels that the enabled rules matching its
 * answer send to (those told about the answer), each once; with none, the case is marked all the
 * same. On PostgreSQL `SKIP LOCKED` lets collectors share the work. Returns how many deliveries
 * it queued and whether cases were left for the next run.
 */
export async function queueOverdueAlerts(db: Database, now: Date, timeZone: string, limit = 50): Promise<{ queued: number; more: boolean }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ response_id: string }>(
      `UPDATE cases SET overdue_alerted_at = $1
        WHERE response_id IN (
          SELECT response_id FROM cases
           WHERE state = 'open' AND overdue_alerted_at IS NULL AND due_at <= $1
           ORDER BY due_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
       RETURNING response_id`,
      [now.toISOString(), limit],
    );
    if (!rows.length) return { queued: 0, more: false };
    const targets = await loadRuleTargets(tx);
    let queued = 0;
    for (const { response_id: id } of rows) {
      const answer = await loadAnswer(tx, id);
      if (answer) queued += await enqueueAnswerAlerts(tx, answer, now, timeZone, targets, 'overdue');
    }
    return { queued, more: rows.length === limit };
  });
}

/** The case's due time and who has it, for its overdue alert; null once the case is gone. */
export async function loadOverdueCase(db: Queryable, answerId: string): Promise<OverdueCase | null> {
  const { rows } = await db.query<{ due_at: string | Date; email: string | null }>(
    'SELECT c.due_at, u.email FROM cases c LEFT JOIN users u ON u.id = c.assignee WHERE c.response_id = $1',
    [answerId],
  );
  return rows[0] ? { dueAt: new Date(rows[0].due_at), assignee: rows[0].email } : null;
}
