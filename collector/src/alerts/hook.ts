import type { AnswerHook, Precheck } from '../answer-hooks';
import { allConditionsHold } from './conditions';
import { createSettingsCache } from '../settings-cache';
import { alertAnswerFromPayload } from './answer';
import { enqueueAnswerAlerts, loadRuleTargets } from './queue';

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
export function createAlertHook(options: AlertHookOptions): AnswerHook & { precheck: Precheck } {
  const now = options.now ?? (() => new Date());
  // The rules, read again only when the settings changed (on any collector).
  const targets = createSettingsCache(loadRuleTargets);
  const hook: AnswerHook = async (tx, answer, stored = {}) => {
    const queued = await enqueueAnswerAlerts(tx, alertAnswerFromPayload(answer), now(), options.timeZone, await targets.read(tx, stored.settingsVersion));
    // After the commit, not inside the transaction: the worker must see the row.
    if (queued && options.onQueued) setTimeout(options.onQueued, 50).unref?.();
  };
  /** Whether any enabled rule (as kept in memory) matches the answer. */
  const precheck: Precheck = (answer) => {
    const known = targets.peek();
    if (!known) return 'unknown';
    const alert = alertAnswerFromPayload(answer);
    return { needed: known.value.some((target) => allConditionsHold(target.conditions, alert)), settingsVersion: known.version };
  };
  return Object.assign(hook, { precheck });
}
