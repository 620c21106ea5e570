import type { Answer } from '../../../src/receiver';
import { alertAnswerFromPayload } from './answer';
import type { Queryable } from '../db/database';
import { enqueueAnswerAlerts } from './queue';

export interface AlertHookOptions {
  timeZone: string;
  now?: () => Date;
  /** Called when the hook queued something: wakes the worker instead of waiting for its next poll. */
  onQueued?: () => void;
}

/**
 * The answer hook (`onAnswerStored`, and `onAnswerCompleted` for a comment that arrives later):
 * queues the answer's alerts in the answer's own transaction, so an answer is never stored without
 * its alerts, nor an alert queued for an answer that was rolled back. Database work only.
 */
export function createAlertHook(options: AlertHookOptions) {
  const now = options.now ?? (() => new Date());
  return async (tx: Queryable, answer: Answer): Promise<void> => {
    const queued = await enqueueAnswerAlerts(tx, alertAnswerFromPayload(answer), now(), options.timeZone);
    // After the commit, not inside the transaction: the worker must see the row.
    if (queued && options.onQueued) setTimeout(options.onQueued, 50).unref?.();
  };
}
