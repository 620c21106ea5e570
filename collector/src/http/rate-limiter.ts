/** What a limiter says about one request: go on, or wait `retryAfterSeconds` (the `Retry-After` value). */
export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A fixed-window counter per key (client address; email + address for sign-in). `hit` counts one
 * request and says whether it may go on. Three kinds share this shape: in this process's memory
 * (PGlite: one instance), in the database per hit (sign-in on PostgreSQL) and counted here but
 * summed in the database about once a second (answers on PostgreSQL) — see `rate-limiters.ts`.
 */
export interface RateLimiter {
  hit(key: string): Promise<RateVerdict>;
  /** Forgets a key (a successful sign-in clears its email's failures). */
  reset(key: string): Promise<void>;
  /** Takes back one hit (a successful sign-in is not a failure of its address). */
  refund(key: string): Promise<void>;
}

export interface RateLimitOptions {
  limit: number;
  windowSeconds: number;
  now?: () => number;
}

/** The seconds until a window ending at `endsAt` ends, at least 1. */
export const secondsUntil = (endsAt: number, time: number) => Math.max(1, Math.ceil((endsAt - time) / 1000));

/** Counters in this process's memory: nothing about a client outlives its window. */
export function createRateLimiter({ limit, windowSeconds, now = Date.now, maxKeys = 100_000 }: RateLimitOptions & {
  /** Bounds memory under a flood of distinct keys: past it, expired windows are swept. */
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const windowMs = windowSeconds * 1000;
  const sweep = (time: number) => {
    for (const [key, window] of windows) if (window.endsAt <= time) windows.delete(key);
  };
  return {
    async hit(key) {
      if (limit === 0) return { ok: true };
      const time = now();
      let window = windows.get(key);
      if (!window || window.endsAt <= time) {
        if (windows.size >= maxKeys) sweep(time);
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!); // the oldest window
        window = { count: 0, endsAt: time + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit) return { ok: true };
      return { ok: false, retryAfterSeconds: secondsUntil(window.endsAt, time) };
    },
    reset: async (key) => void windows.delete(key),
    async refund(key) {
      const window = windows.get(key);
      if (window && window.count > 0) window.count -= 1;
    },
  };
}
