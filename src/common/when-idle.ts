/** Schedules start-up work no prompt waits for; returns a function that cancels it. */
export type WhenIdle = (work: () => void) => () => void;

/**
 * Runs `work` once the main thread is idle, and at the latest `timeoutMs` later (a busy page may
 * have no idle period for a long time). Safari has no `requestIdleCallback`
 * (https://caniuse.com/requestidlecallback): there a timer after `fallbackMs` keeps the work out of
 * the task that started hearback.
 */
export function whenIdle(work: () => void, timeoutMs = 2000, fallbackMs = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, fallbackMs);
  return () => clearTimeout(timer);
}
