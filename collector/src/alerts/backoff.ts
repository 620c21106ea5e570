export interface BackoffPolicy {
  /** Delay before the second try; doubles each time. */
  baseMs: number;
  /** No wait is longer than this, `Retry-After` included. */
  capMs: number;
  /** Tries in all before a delivery is given up (its last error kept). */
  maxAttempts: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 30_000, capMs: 60 * 60_000, maxAttempts: 8 };

/**
 * Wait before try `attempt + 1`: exponential with "equal jitter"
 * (delay × [0.5, 1)), so many deliveries failing together do not retry together; a longer
 * `Retry-After` from the far side wins, within the cap.
 */
export function retryDelay(attempt: number, policy: BackoffPolicy, random: () => number, retryAfterMs: number | null): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential * (0.5 + random() / 2));
  return Math.min(policy.capMs, Math.max(jittered, retryAfterMs ?? 0));
}
