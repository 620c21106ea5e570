import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable, Row } from './database';

// node-postgres returns int8 (count(*)) and numeric as strings to avoid precision loss; the counts
// here fit easily in a double, and PGlite returns numbers, so both adapters agree on numbers.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string | null) => (value === null ? null : Number(value));
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  connectionString: string;
  /** Puts every table in one schema (tests use a throw-away schema). */
  searchPath?: string;
  /** Pool size. @default 10 */
  max?: number;
  log?: (message: string) => void;
}

/** A PostgreSQL server through node-postgres, for owners who outgrow one machine. */
export async function createPostgresDatabase({ connectionString, searchPath, max = 10, log = console.error }: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max, types, ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}) });
  pool.on('error', (error) => log(`hearback collector: idle database connection failed: ${error.message}`));
  // Statements with parameters are prepared once per connection (named by a hash of their text):
  // later runs skip parsing and planning — the answer insert is the hot one.
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `hb_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
    return name;
  };
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <R extends Row>(sql: string, params: unknown[] = []) =>
      ({ rows: (await target.query<R>({ text: sql, values: params, types, ...(params.length ? { name: nameOf(sql) } : {}) })).rows }),
    // No parameters: the simple query protocol runs several statements in one call.
    exec: async (sql: string) => void (await target.query(sql)),
  });
  await pool.query('SELECT 1'); // fail fast with a clear connection error
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
