import { migrate } from '../src/db/migrate';
import { openEmptyPglite } from './empty-pglite';
import { dashboardSuite } from './dashboard-suite';

dashboardSuite('PGlite', async () => {
  const db = await openEmptyPglite();
  await migrate(db);
  return db;
});
