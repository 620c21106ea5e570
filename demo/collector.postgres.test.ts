import pg from 'pg';
import { createPostgresDatabase } from './db/postgres-database.mjs';
import { describeCollector } from './test/collector-suite.mjs';

// The same tests on a real PostgreSQL server: DATABASE_URL=postgres://… (demo/scripts/with-postgres.sh
// starts a throw-away cluster). Each run uses its own schema and drops it, so an owner's tables stay.
// Left out of the default `vitest run` (vitest.config.ts); vitest.postgres.config.ts runs it.
const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is not set: run these tests with demo/scripts/with-postgres.sh, or point DATABASE_URL at a PostgreSQL server');

describeCollector('PostgreSQL', async () => {
  const schema = `hearback_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await createPostgresDatabase({ connectionString, searchPath: schema });
  return {
    ...db,
    async close() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
});
