import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from './database';

/**
 * Picks the adapter: `databaseUrl` → a PostgreSQL server (node-postgres); otherwise PGlite in
 * `dataDir` (`memory` keeps everything in memory). `where` says which, password hidden.
 */
export async function openDatabase({ databaseUrl, dataDir }: { databaseUrl?: string; dataDir: string }): Promise<{ db: Database; where: string }> {
  if (databaseUrl) {
    const { createPostgresDatabase } = await import('./postgres-database');
    const shown = new URL(databaseUrl);
    if (shown.password) shown.password = '***';
    return { db: await createPostgresDatabase({ connectionString: databaseUrl }), where: `PostgreSQL ${shown}` };
  }
  const { createPgliteDatabase } = await import('./pglite-database');
  if (dataDir === 'memory') return { db: await createPgliteDatabase(), where: 'PGlite in memory' };
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  return { db: await createPgliteDatabase({ dataDir: dir }), where: `PGlite in ${dir}` };
}
