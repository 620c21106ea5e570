import { loadConfig, type Config } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import type { Database } from '../db/database';
import type { OptionSpecs } from './command-line';
import type { CliIo } from './cli-io';

/** The flags every database command takes; the same names and variables as the server's. */
export const databaseOptions: OptionSpecs = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
};

export const databaseUsage = '[--database-url postgres://…] [--data-dir .data/pglite]';

export const databaseDetails = `The database is the server's: DATABASE_URL (--database-url) for PostgreSQL, else PGlite in
HEARBACK_DATA_DIR (--data-dir, default .data/pglite). Its schema is brought up to date first.`;

/**
 * Opens the database the server would use (same variables, same flags), migrated (unless
 * `migrated: false`), and hands it to `work` with the migrations it applied; closes it afterwards.
 * A bad setting throws the configuration's `ConfigError`.
 */
export async function withDatabase<T>(
  io: CliIo,
  values: Record<string, unknown>,
  work: (db: Database, opened: { config: Config; applied: number[]; where: string }) => Promise<T>,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<T> {
  const args = Object.keys(databaseOptions).flatMap((flag) => (typeof values[flag] === 'string' ? [`--${flag}`, values[flag] as string] : []));
  const config = loadConfig(io.env, args);
  const { db, where } = await openDatabase(config);
  try {
    const applied = migrated ? await migrate(db) : [];
    return await work(db, { config, applied, where });
  } finally {
    await db.close();
  }
}
