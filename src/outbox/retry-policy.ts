/** What to do with an answer after one delivery attempt. */
export type DeliveryOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; delayMs: number; refusedOrigin?: true }
  | { kind: 'drop' };

/** The longest we wait between two attempts, and the most of a `Retry-After` we honour. */
export const maxRetryDelayMs = 5 * 60_000;

/** The shortest wait after a 403: a site is allowed by a person, not within seconds. */
const refusedOriginDelayMs = 60_000;

/**
 * The retry policy of CONTRACT "What the endpoint receives": 2xx and 409 (already have it) are
 * delivered; network failures (`status` undefined), 408, 425, 429 and 5xx are retried after
 * `Retry-After` (seconds or an HTTP date, up to 5 min) or else exponential backoff with jitter;
 * 403 is the endpoint refusing this site (the owner has not allowed its origin yet): that gets
 * better when the owner allows it, so the answer is kept and tried again, at least a minute apart
 * (and at every page view), until it expires with the outbox's TTL. Any other status will not get
 * better by retrying, so the answer is dropped.
 *
 * @param failures how many attempts failed before this one (0 on the first)
 */
export function decide(status: number | undefined, retryAfter: string | null | undefined, failures: number, now: number, random: () => number): DeliveryOutcome {
  if (status !== undefined && ((status >= 200 && status < 300) || status === 409)) return { kind: 'delivered' };
  if (status === undefined || status === 408 || status === 425 || status === 429 || status >= 500) {
    return { kind: 'retry', delayMs: retryAfterMs(retryAfter, now) ?? backoffMs(failures, random) };
  }
  if (status === 403) return { kind: 'retry', delayMs: Math.max(refusedOriginDelayMs, backoffMs(failures, random)), refusedOrigin: true };
  return { kind: 'drop' };
}

/**
 * Equal jitter: the ceiling doubles from 1 s (1, 2, 4 … capped at 5 min) and the delay is drawn
 * from its upper half, so tabs that failed together do not retry together.
 */
export function backoffMs(failures: number, random: () => number): number {
  const ceiling = Math.min(maxRetryDelayMs, 1000 * 2 ** Math.min(failures, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`, clamped to 0…5 min. */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.min(maxRetryDelayMs, Math.max(0, ms));
}
