import type { Queryable } from '../db/database';
import { createRateLimitTable } from './rate-limit-table';
import { secondsUntil, type RateLimiter, type RateLimitOptions } from './rate-limiter';

/** One key's window as this instance knows it. */
interface Entry {
  endsAt: number;
  /** Every instance's hits, as the database said at the last sync (ours included). */
  shared: number;
  /** Our hits not yet sent to the database. */
  pending: number;
  /** Our hits on their way to the database. */
  sending: number;
}

/**
 * Counters for a hot route (answers) shared by the instances on one PostgreSQL server without a
 * database round trip per request: each instance counts in memory and adds its counts to the
 * database in one statement about once a second (`syncMs`), learning every instance's total
 * for those keys in return. A request goes on while the total it knows of plus its own unsent hits
 * stays under the limit. Between syncs a key may spend only a quarter of what it has left
 * (`spendShare`); past that, its next request waits for a sync (one statement) and is judged on
 * every instance's total. So N instances together allow at most a little over
 * the limit (each may spend a share the others have not heard of yet), never N times it. While the
 * database does not answer, unsent hits are kept for the next sync.
 */
export function createSharedRateLimiter(db: Queryable, scope: string, {
  limit, windowSeconds, now = Date.now, syncMs = 1000, spendShare = 4, maxKeys = 100_000,
}: RateLimitOptions & { syncMs?: number; spendShare?: number; maxKeys?: number }): RateLimiter & {
  /** Sends every unsent count now (tests; a server shutting down). */
  sync(): Promise<void>;
} {
  const windowMs = windowSeconds * 1000;
  const table = createRateLimitTable(db, scope, windowMs);
  const entries = new Map<string, Entry>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let running: Promise<void> | undefined;
  let again = false;

  const budget = (entry: Entry) => Math.max(1, Math.ceil((limit - entry.shared) / spendShare));

  const sync = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    const batch = new Map<string, number>();
    const sent = new Map<string, Entry>();
    for (const [key, entry] of entries) {
      if (entry.pending === 0) continue;
      batch.set(key, entry.pending);
      sent.set(key, entry);
      entry.sending += entry.pending;
      entry.pending = 0;
    }
    if (batch.size === 0) return;
    const time = now();
    running = (async () => {
      try {
        const totals = await table.add(batch, time);
        for (const [key, entry] of sent) {
          entry.sending -= batch.get(key)!;
          const total = totals.get(key)!;
          // A window that ended here while the statement ran has been replaced; leave the new one be.
          if (entries.get(key) === entry) Object.assign(entry, { shared: total.count, endsAt: total.endsAt });
        }
        table.sweepSometimes(time);
      } catch {
        // The database is away: keep the hits for the next sync; until then each instance counts alone.
        for (const [key, entry] of sent) {
          entry.sending -= batch.get(key)!;
          entry.pending += batch.get(key)!;
        }
        schedule(syncMs);
      } finally {
        running = undefined;
      }
    })();
    await running;
    if (again) {
      again = false;
      await sync();
    }
  };

  function schedule(delay: number) {
    const at = now() + delay;
    if (timer && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      timerAt = Infinity;
      void sync();
    }, delay);
    timer.unref?.();
  }

  const entryFor = (key: string, time: number): Entry => {
    let entry = entries.get(key);
    if (entry && entry.endsAt > time) return entry;
    if (entries.size >= maxKeys) {
      for (const [old, window] of entries) if (window.endsAt <= time && window.pending + window.sending === 0) entries.delete(old);
    }
    entry = { endsAt: time + windowMs, shared: 0, pending: 0, sending: 0 };
    entries.set(key, entry);
    return entry;
  };

  return {
    async hit(key) {
      if (limit === 0) return { ok: true };
      // A key that spent its share since the last sync first learns every instance's total (one
      // round trip, only for a client this busy) instead of being turned away while under the
      // limit. After two syncs without room (the database is away) this instance counts alone.
      for (let round = 0; ; round += 1) {
        const time = now();
        const entry = entryFor(key, time);
        const unsent = entry.pending + entry.sending;
        if (entry.shared + unsent >= limit) return { ok: false, retryAfterSeconds: secondsUntil(entry.endsAt, time) };
        if (unsent < budget(entry) || round === 2) {
          entry.pending += 1;
          schedule(entry.pending >= budget(entry) ? 0 : syncMs);
          return { ok: true };
        }
        await sync();
      }
    },
    async reset(key) {
      entries.delete(key);
      await table.forget(key);
    },
    async refund(key) {
      const entry = entries.get(key);
      if (entry && entry.pending > 0) entry.pending -= 1;
      else await table.takeBack(key);
    },
    sync,
  };
}
