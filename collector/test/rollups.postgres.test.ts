import { migrate } from '../src/db/migrate';
import { rollupsSuite } from './rollups-suite';
import { openTestDatabase } from './harness';

// The same suite on a real PostgreSQL server (collector/scripts/with-postgres.sh); skipped without DATABASE_URL.
rollupsSuite('PostgreSQL', async () => {
  const db = await openTestDatabase();
  await migrate(db);
  return db;
}, { skip: !process.env.DATABASE_URL });
