import pg from 'pg';

// node-postgres returns int8 (count(*)) and numeric as strings to avoid precision loss; the counts
// here fit easily in a double, and PGlite returns numbers, so both adapters agree on numbers.
const parsers = {
  getTypeParser(oid, format) {
    if (oid === 20 || oid === 1700) return (value) => (value === null ? null : Number(value));
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * A PostgreSQL server through node-postgres, for owners who outgrow one machine.
 * `searchPath` puts every table in one schema (tests use a throw-away schema).
 * @param {{ connectionString: string, searchPath?: string, max?: number }} options
 * @returns {Promise<import('./database-types.mjs').Database>}
 */
export async function createPostgresDatabase({ connectionString, searchPath, max = 10 }) {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: parsers,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  pool.on('error', (error) => console.error(`hearback collector: idle database connection failed: ${error.message}`));
  const wrap = (target) => ({
    query: async (sql, params = []) => ({ rows: (await target.query({ text: sql, values: params, types: parsers })).rows }),
    // No parameters: the simple query protocol runs several statements in one call.
    exec: async (sql) => void (await target.query(sql)),
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
