import { migrate } from '../src/db/migrate';
import { openMigratedPglite } from './empty-pglite';
import { dashboardSuite } from './dashboard-suite';

dashboardSuite('PGlite', async () => {
  const db = await openMigratedPglite();
  await migrate(db);
  return db;
});
