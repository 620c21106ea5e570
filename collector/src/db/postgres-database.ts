import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable, Row } from './database';
import { DatabaseUnavailableError, isConnectionFailure } from './database-unavailable';
import { waitForDatabase } from './wait-for-database';

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
  /** How long a query waits for a new connection before it fails as unavailable. @default 5000 */
  connectTimeoutMs?: number;
  log?: (message: string) => void;
  /** How long to wait for the server to answer at all before giving up (`waitForDatabase`). @default 0 */
  waitMs?: number;
  /** Says each failed first try (start-up output). */
  say?: (line: string) => void;
}

/** What a failed statement throws: a `DatabaseUnavailableError` when the server is away, else the error as it came. */
const unavailableOr = (error: unknown) => (isConnectionFailure(error) ? new DatabaseUnavailableError(error) : error);

/**
 * A PostgreSQL server through node-postgres, for owners who outgrow one machine. When the server
 * goes away (restarted, stopped, the network cut) the process stays up: statements fail at once
 * with a `DatabaseUnavailableError` (no waiting longer than `connectTimeoutMs` for a connection),
 * dead connections are dropped from the pool, and the next statement after the server is back
 * connects afresh.
 */
export async function createPostgresDatabase({ connectionString, searchPath, max = 10, connectTimeoutMs = 5_000, log = console.error, waitMs = 0, say }: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString, max, types, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  pool.on('error', (error) => log(`hearback collector: idle database connection failed: ${error.message}`));
  // A connection that dies while checked out (between the statements of a transaction) emits
  // `error` with no pool listener attached, and an unhandled `error` event ends the process. The
  // statement in flight fails on its own and the client is released as broken; this only keeps
  // the event from being unhandled.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    // No parallel plans: the app's requests already run their statements side by side (the
    // dashboard's first request, seven at once, on as many connections), so a statement's parallel
    // workers only wait for the same cores, and start-up costs each of them. On 2 cores the
    // dashboard's whole first request over a year at 1,000,000 answers took 341–399 ms with them
    // and 254–297 ms without (docs/performance.md). A statement, not the `options` start-up
    // parameter, which poolers such as PgBouncer refuse. It is queued before any other statement
    // on this connection; if it fails, the connection simply plans as the server is set.
    client.query('SET max_parallel_workers_per_gather = 0').catch(() => {});
  });
  // Statements with parameters are prepared once per connection (named by a hash of their text):
  // later runs skip parsing and planning — the answer insert is the hot one.
  const names = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = names.get(sql);
    if (!name) names.set(sql, (name = `hb_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
    return name;
  };
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <R extends Row>(sql: string, params: unknown[] = []) => {
      try {
        return { rows: (await target.query<R>({ text: sql, values: params, types, ...(params.length ? { name: nameOf(sql) } : {}) })).rows };
      } catch (error) {
        throw unavailableOr(error);
      }
    },
    // No parameters: the simple query protocol runs several statements in one call.
    exec: async (sql: string) => {
      try {
        await target.query(sql);
      } catch (error) {
        throw unavailableOr(error);
      }
    },
  });
  // A clear connection error, after waiting up to `waitMs` for a server that is still starting; the
  // pool is ended when it gives up, so nothing keeps the process alive.
  try {
    await waitForDatabase(() => pool.query('SELECT 1').catch((error: unknown) => Promise.reject(unavailableOr(error))), { waitMs, say });
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect().catch((error: unknown) => {
        throw unavailableOr(error);
      });
      const tx = wrap(client);
      let broken: Error | undefined;
      try {
        await tx.exec('BEGIN');
        const result = await work(tx);
        // A COMMIT cut off by a lost connection leaves the outcome unknown: the caller sees
        // "unavailable", and a retry of the same answer id finds it stored or stores it once.
        await tx.exec('COMMIT');
        return result;
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) broken = error;
        else await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        // A broken connection is closed, not handed to the next statement.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
