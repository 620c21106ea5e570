import type { Queryable } from '../db/database';
import { createRateLimitTable } from './rate-limit-table';
import { secondsUntil, type RateLimiter, type RateLimitOptions } from './rate-limiter';

/**
 * Counters in the database, one statement per hit: every instance on the server sees every hit
 * at once. For routes where a round trip per request is cheap next to the work (sign-in spends
 * an scrypt); the answer route uses `createSharedRateLimiter` instead.
 */
export function createDatabaseRateLimiter(db: Queryable, scope: string, { limit, windowSeconds, now = Date.now }: RateLimitOptions): RateLimiter {
  const table = createRateLimitTable(db, scope, windowSeconds * 1000);
  // One statement of this scope at a time: a spray of sign-ins then holds one pooled connection
  // per scope, not the whole pool, so the answer route never waits behind it for a connection.
  let chain: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  };
  return {
    hit(key) {
      if (limit === 0) return Promise.resolve({ ok: true });
      return inTurn(async () => {
        const time = now();
        table.sweepSometimes(time);
        const window = (await table.add(new Map([[key, 1]]), time)).get(key)!;
        return window.count <= limit ? { ok: true } : { ok: false, retryAfterSeconds: secondsUntil(window.endsAt, time) };
      });
    },
    reset: (key) => inTurn(() => table.forget(key)),
    refund: (key) => inTurn(() => table.takeBack(key)),
  };
}
