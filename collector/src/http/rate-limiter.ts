/**
 * A fixed-window counter per key (client address; email + address for sign-in), held in this
 * process's memory: instances behind one load balancer each count on their own, and nothing about
 * a client outlives its window. `hit` counts one request and says whether it may go on and, when
 * not, how many seconds until its window ends (the `Retry-After` value).
 */
export interface RateLimiter {
  hit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Forgets a key (a successful sign-in clears its failures). */
  reset(key: string): void;
}

export function createRateLimiter({ limit, windowSeconds, now = Date.now, maxKeys = 100_000 }: {
  limit: number;
  windowSeconds: number;
  now?: () => number;
  /** Bounds memory under a flood of distinct keys: past it, expired windows are swept. */
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const windowMs = windowSeconds * 1000;
  const sweep = (time: number) => {
    for (const [key, window] of windows) if (window.endsAt <= time) windows.delete(key);
  };
  return {
    hit(key) {
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
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - time) / 1000)) };
    },
    reset: (key) => void windows.delete(key),
  };
}
