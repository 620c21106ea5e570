import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from './database';
import { lockDataDir } from './data-dir-lock';

/**
 * Picks the adapter: `databaseUrl` → a PostgreSQL server (node-postgres); otherwise PGlite in
 * `dataDir` (`memory` keeps everything in memory), which this process then holds until `close`
 * (`DataDirInUse` when another live process does). `where` says which, password hidden.
 */
export async function openDatabase({ databaseUrl, dataDir, waitMs = 0, say }: {
  databaseUrl?: string;
  dataDir: string;
  /** How long to wait for a PostgreSQL server that does not answer yet (the server waits; a CLI command does not). */
  waitMs?: number;
  say?: (line: string) => void;
}): Promise<{ db: Database; where: string }> {
  if (databaseUrl) {
    const { createPostgresDatabase } = await import('./postgres-database');
    const shown = new URL(databaseUrl);
    if (shown.password) shown.password = '***';
    return { db: await createPostgresDatabase({ connectionString: databaseUrl, waitMs, say }), where: `PostgreSQL ${shown}` };
  }
  const { createPgliteDatabase } = await import('./pglite-database');
  if (dataDir === 'memory') return { db: await createPgliteDatabase(), where: 'PGlite in memory' };
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // One process per folder: a second one (a CLI command while the server runs) is refused, not let in to corrupt it.
  const release = lockDataDir(dir);
  try {
    const db = await createPgliteDatabase({ dataDir: dir });
    return { db: { ...db, close: () => db.close().finally(release) }, where: `PGlite in ${dir}` };
  } catch (error) {
    release();
    throw error;
  }
}
