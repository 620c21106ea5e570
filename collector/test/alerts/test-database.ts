import { listMigrations, migrate } from '../../../demo/db/migrate.mjs';
import { createPgliteDatabase } from '../../../demo/db/pglite-database.mjs';
import type { AlertDatabase } from '../../src/alerts/database';

const demoMigrations = new URL('../../../demo/db/migrations/', import.meta.url);
const collectorMigrations = new URL('../../migrations/', import.meta.url);

/** A migrated PGlite database, in memory or in `dataDir` (a restart opens the same folder again). */
export async function openTestDatabase(dataDir?: string): Promise<AlertDatabase & { close(): Promise<void> }> {
  const db = await createPgliteDatabase(dataDir ? { dataDir } : {});
  await migrate(db, [...listMigrations(demoMigrations), ...listMigrations(collectorMigrations)]);
  return db as AlertDatabase & { close(): Promise<void> };
}
