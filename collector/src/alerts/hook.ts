import type { AlertAnswer } from './answer';
import type { Queryable } from './database';
import { enqueueAnswerAlerts } from './queue';

export interface AlertHookOptions {
  timeZone: string;
  now?: () => Date;
  /** Called after the answer's transaction may have queued something: wakes the worker early. */
  onQueued?: () => void;
}

/**
 * The `onAnswerStored(tx, answer)` hook: queues the answer's alerts in the answer's own
 * transaction, so an answer is never stored without its alerts, nor an alert queued for an answer
 * that was rolled back.
 */
export function createAlertHook(options: AlertHookOptions) {
  const now = options.now ?? (() => new Date());
  return async (tx: Queryable, answer: AlertAnswer): Promise<void> => {
    const queued = await enqueueAnswerAlerts(tx, answer, now(), options.timeZone);
    if (queued && options.onQueued) setTimeout(options.onQueued, 50).unref?.();
  };
}
