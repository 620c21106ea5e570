import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in this process. `dataDir` is a folder
 * on disk that survives restarts; without one the database lives in memory (tests). PGlite has one
 * connection: a transaction holds it, and other queries wait for it to finish.
 */
export async function createPgliteDatabase({ dataDir }: { dataDir?: string } = {}): Promise<Database> {
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
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
