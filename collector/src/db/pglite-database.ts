import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable, Row } from './database';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in this process. `dataDir` is a folder
 * on disk that survives restarts; without one the database lives in memory (tests). `loadDataDir`
 * starts it from a copy made by `dumpPgliteDataDir` instead of running initdb (the tests: about a
 * quarter of the CPU). PGlite has one connection: a transaction holds it, and other queries wait
 * for it to finish.
 */
export async function createPgliteDatabase({ dataDir, loadDataDir }: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  return databaseOver(await openPglite({ dataDir, loadDataDir }));
}

function databaseOver(pglite: PGlite): Database {
  const wrap = (target: PGlite | Transaction): Queryable => ({
    query: async <R extends Row>(sql: string, params: unknown[] = []) => ({ rows: (await target.query<R>(sql, params)).rows }),
    exec: async (sql: string) => void (await target.exec(sql)),
  });
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    close: () => pglite.close(),
  };
}

function openPglite({ dataDir, loadDataDir }: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  // pg_trgm: the trigram index that serves the dashboard's comment search (migration 021).
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}), extensions: { pg_trgm } });
}

/**
 * An in-memory PGlite's data folder as an uncompressed tarball, for `loadDataDir`: a fresh, empty
 * one, or (tests) one started `from` another copy and changed by `prepare` (migrated, say).
 */
export async function dumpPgliteDataDir({ from, prepare }: { from?: Blob; prepare?: (db: Database) => Promise<unknown> } = {}): Promise<Blob> {
  const pglite = await openPglite({ loadDataDir: from });
  try {
    if (prepare) await prepare(databaseOver(pglite));
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}
