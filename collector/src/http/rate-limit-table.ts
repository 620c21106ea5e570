import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';

/** A key's window as the database holds it: hits by every instance, and when the window ends (ms). */
export interface SharedWindow {
  count: number;
  endsAt: number;
}

/** What the table keeps of a key: its SHA-256, so no address or email is stored. */
export const keyHash = (key: string) => createHash('sha256').update(key).digest('base64url');

/** How often ended windows are deleted, at most. */
const SWEEP_MS = 60_000;

/**
 * The `rate_limits` table (migration 120), shared by every instance on one PostgreSQL server.
 * `add` counts `hits` per key into `scope`'s windows in one statement (a window that has ended
 * starts again at `now`) and returns each key's total; `forget` deletes a key; `takeBack` lowers
 * a count by one; `sweepSometimes` deletes every scope's ended windows at most once a minute, in
 * the background (a failure waits for the next minute).
 */
export function createRateLimitTable(db: Queryable, scope: string, windowMs: number) {
  let sweptAt = -Infinity;
  return {
    async add(hits: Map<string, number>, now: number): Promise<Map<string, SharedWindow>> {
      const keys = [...hits.keys()];
      const { rows } = await db.query<{ key_hash: string; count: number; ends_at: string | number }>(
        `INSERT INTO rate_limits AS r (scope, key_hash, count, ends_at)
         SELECT $1, k, n, $4::bigint FROM unnest($2::text[], $3::int[]) AS t(k, n)
         ON CONFLICT (scope, key_hash) DO UPDATE SET
           count = CASE WHEN r.ends_at <= $5::bigint THEN excluded.count ELSE r.count + excluded.count END,
           ends_at = CASE WHEN r.ends_at <= $5::bigint THEN excluded.ends_at ELSE r.ends_at END
         RETURNING key_hash, count, ends_at`,
        [scope, keys.map(keyHash), keys.map((key) => hits.get(key)!), now + windowMs, now],
      );
      const byHash = new Map(rows.map((row) => [row.key_hash, { count: Number(row.count), endsAt: Number(row.ends_at) }]));
      return new Map(keys.map((key) => [key, byHash.get(keyHash(key)) ?? { count: hits.get(key)!, endsAt: now + windowMs }]));
    },
    async forget(key: string): Promise<void> {
      await db.query('DELETE FROM rate_limits WHERE scope = $1 AND key_hash = $2', [scope, keyHash(key)]);
    },
    async takeBack(key: string): Promise<void> {
      await db.query('UPDATE rate_limits SET count = count - 1 WHERE scope = $1 AND key_hash = $2 AND count > 0', [scope, keyHash(key)]);
    },
    sweepSometimes(now: number): void {
      if (now - sweptAt < SWEEP_MS) return;
      sweptAt = now;
      db.query('DELETE FROM rate_limits WHERE ends_at <= $1', [now]).catch(() => {});
    },
  };
}

export type RateLimitTable = ReturnType<typeof createRateLimitTable>;
