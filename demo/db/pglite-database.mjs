import { PGlite } from '@electric-sql/pglite';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in this process. `dataDir` is a folder
 * on disk that survives restarts; without one the database lives in memory (tests).
 * @param {{ dataDir?: string }} [options]
 * @returns {Promise<import('./database-types.mjs').Database>}
 */
export async function createPgliteDatabase({ dataDir } = {}) {
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  const wrap = (target) => ({
    query: async (sql, params = []) => ({ rows: (await target.query(sql, params)).rows }),
    exec: async (sql) => void (await target.exec(sql)),
  });
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    close: () => pglite.close(),
  };
}
