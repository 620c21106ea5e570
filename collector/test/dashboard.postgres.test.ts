import pg from 'pg';
import { createPostgresDatabase } from '../src/db/postgres-database';
import { migrate } from '../src/db/migrate';
import { dashboardSuite } from './dashboard-suite';

// The same suite on a real PostgreSQL server: DATABASE_URL=postgres://… (demo/scripts/with-postgres.sh
// starts a throw-away cluster). The run uses its own schema and drops it, so an owner's tables stay.
const connectionString = process.env.DATABASE_URL;

if (!connectionString) {
  console.warn('dashboard.postgres.test.ts: DATABASE_URL is not set; run it through demo/scripts/with-postgres.sh');
} else {
  dashboardSuite('PostgreSQL', async () => {
    const schema = `hearback_dashboard_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const db = await createPostgresDatabase({ connectionString, searchPath: schema });
    await migrate(db);
    return {
      ...db,
      async close() {
        await db.query(`DROP SCHEMA ${schema} CASCADE`);
        await db.close();
      },
    };
  });
}
