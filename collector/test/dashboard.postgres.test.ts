import { migrate } from '../src/db/migrate';
import { dashboardSuite } from './dashboard-suite';
import { openTestDatabase } from './harness';

// The same suite on a real PostgreSQL server: DATABASE_URL=postgres://… (collector/scripts/with-postgres.sh
// starts a throw-away cluster); a schema of its own, dropped afterwards. Skipped without DATABASE_URL.
dashboardSuite('PostgreSQL', async () => {
  const db = await openTestDatabase();
  await migrate(db);
  return db;
}, { skip: !process.env.DATABASE_URL });
