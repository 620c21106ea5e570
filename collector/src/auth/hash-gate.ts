import { availableParallelism } from 'node:os';

export type Gated<T> = { ok: true; value: T } | { ok: false; retryAfterSeconds: number };

/**
 * A small semaphore for password hashing (scrypt: 32 MiB and one CPU core for ~50–100 ms each).
 * At most `concurrent` hashes run at once, so a burst of sign-ins leaves the other cores to the
 * answer route; the next `maxWaiting` wait their turn for up to `maxWaitMs`; anyone else, or
 * anyone still waiting then, is told to come back (`retryAfterSeconds`, for a 429). p-limit and
 * async-sema queue without bound or deadline; refusing is the point here, and it is these lines.
 */
export function createHashGate({
  concurrent = Math.max(1, Math.floor(availableParallelism() / 2)), maxWaiting = 16, maxWaitMs = 2000, retryAfterSeconds = 2,
}: { concurrent?: number; maxWaiting?: number; maxWaitMs?: number; retryAfterSeconds?: number } = {}) {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  /** A turn, or false once `maxWaitMs` has passed (the turn then goes to the next in line). */
  const turn = (): Promise<boolean> => {
    if (running < concurrent) {
      running += 1;
      return Promise.resolve(true);
    }
    if (waiting.length >= maxWaiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      const go = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const at = waiting.indexOf(go);
        if (at >= 0) waiting.splice(at, 1);
        resolve(false);
      }, maxWaitMs);
      waiting.push(go);
    });
  };

  return {
    /** No turn could be had now, nor a place in line: a caller may refuse before any other work. */
    full: () => running >= concurrent && waiting.length >= maxWaiting,
    retryAfterSeconds,
    async run<T>(work: () => Promise<T>): Promise<Gated<T>> {
      if (!(await turn())) return { ok: false, retryAfterSeconds };
      try {
        return { ok: true, value: await work() };
      } finally {
        release();
      }
    },
  };
}

export type HashGate = ReturnType<typeof createHashGate>;
