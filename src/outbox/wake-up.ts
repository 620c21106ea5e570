import { leasedElsewhere, type OutboxRecord } from './outbox-record';
import { maxRetryDelayMs } from './retry-policy';

export interface WakeUpState {
  now: number;
  tab: string;
  /** No attempt before this (ms) after a failure. */
  pausedUntil: number;
  inflight(id: string): boolean;
  heldHere(record: OutboxRecord): boolean;
}

/**
 * When to look at the queue again, in ms from now (at least 1 s, at most 5 min), or `undefined`
 * when nothing waits: the earliest record that may go, after its backoff, another tab's lease and
 * the pause after a failure. The end of a hold is a change of its own (the kiosk's count changes,
 * and the score goes alone), worth a look even while delivery is paused.
 */
export function nextWakeMs(records: Iterable<OutboxRecord>, state: WakeUpState): number | undefined {
  let wake = Infinity;
  for (const record of records) {
    if (state.inflight(record.answer.id)) continue;
    const leaseEnd = leasedElsewhere(record, state.tab, state.now) ? record.lease!.until : 0;
    const due = state.heldHere(record)
      ? Math.max(record.nextAt, leaseEnd, record.heldUntil!)
      : Math.max(record.nextAt, leaseEnd, state.pausedUntil);
    wake = Math.min(wake, due);
  }
  return wake === Infinity ? undefined : Math.min(maxRetryDelayMs, Math.max(1000, wake - state.now));
}

/** One pending wake-up at a time: setting a new one replaces the last. */
export function createWakeUp(run: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    in(delayMs: number | undefined) {
      clearTimeout(timer);
      if (delayMs !== undefined) timer = setTimeout(run, delayMs);
    },
    cancel: () => clearTimeout(timer),
  };
}
