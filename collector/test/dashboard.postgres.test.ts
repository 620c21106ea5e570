import { describe, expect, it } from 'vitest';
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

// The app's connections plan no parallel workers: a request's statements already run side by side
// (collector/src/db/postgres-database.ts), and on two cores the workers made the dashboard slower.
describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL connections', () => {
  it('run without parallel plans, and in the schema asked for', async () => {
    const db = await openTestDatabase();
    try {
      const { rows } = await db.query<{ workers: string; path: string }>("SELECT current_setting('max_parallel_workers_per_gather') AS workers, current_setting('search_path') AS path");
      expect(rows[0].workers).toBe('0');
      expect(rows[0].path).toMatch(/^hearback_test_/);
    } finally {
      await db.close();
    }
  });
});
