import type { Queryable } from './db/database';

/**
 * Settings the answer path reads on every answer (alert rules, single-use surveys), kept in memory
 * and read again only when `settings_version` has moved (`migrations/003-settings-version.sql`).
 * The version comes back with the stored answer; what `load` then reads in the same transaction is
 * at least as new as that version, so an answer never sees settings older than the ones it was
 * stored under, on any instance. Without a version (a caller outside the answer store) it loads.
 */
export function createSettingsCache<T>(load: (tx: Queryable) => Promise<T>) {
  let cached: { version: number; value: T } | undefined;
  return {
    async read(tx: Queryable, version: number | undefined): Promise<T> {
      if (version !== undefined && cached?.version === version) return cached.value;
      const value = await load(tx);
      if (version !== undefined) cached = { version, value };
      return value;
    },
    /** What is in memory and its version, if anything: for a precheck. */
    peek: () => cached,
  };
}
