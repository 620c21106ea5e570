import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Picks the adapter from the environment: `DATABASE_URL` → a PostgreSQL server (node-postgres);
 * otherwise PGlite in `HEARBACK_DATA_DIR` (default `.data/pglite` under the working directory).
 * `HEARBACK_DATA_DIR=memory` keeps everything in memory.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ db: import('./database-types.mjs').Database, where: string }>}
 */
export async function openDatabase(env = process.env) {
  if (env.DATABASE_URL) {
    const { createPostgresDatabase } = await import('./postgres-database.mjs');
    const url = new URL(env.DATABASE_URL);
    url.password = url.password ? '***' : '';
    return { db: await createPostgresDatabase({ connectionString: env.DATABASE_URL }), where: `PostgreSQL ${url}` };
  }
  const { createPgliteDatabase } = await import('./pglite-database.mjs');
  if (env.HEARBACK_DATA_DIR === 'memory') return { db: await createPgliteDatabase(), where: 'PGlite in memory' };
  const dataDir = resolve(env.HEARBACK_DATA_DIR || '.data/pglite');
  mkdirSync(dataDir, { recursive: true });
  return { db: await createPgliteDatabase({ dataDir }), where: `PGlite in ${dataDir}` };
}
