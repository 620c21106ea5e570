import { createPgliteDatabase } from '../src/db/pglite-database';
import { migrate } from '../src/db/migrate';
import { dashboardSuite } from './dashboard-suite';

dashboardSuite('PGlite', async () => {
  const db = await createPgliteDatabase();
  await migrate(db);
  return db;
});
