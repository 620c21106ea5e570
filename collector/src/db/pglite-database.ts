import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable, Row } from './database';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in this process. `dataDir` is a folder
 * on disk that survives restarts; without one the database lives in memory (tests). PGlite has one
 * connection: a transaction holds it, and other queries wait for it to finish.
 */
export async function createPgliteDatabase({ dataDir }: { dataDir?: string } = {}): Promise<Database> {
  // pg_trgm: the trigram index that serves the dashboard's comment search (migration 021).
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
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
