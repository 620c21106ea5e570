import { migrate } from '../src/db/migrate';
import { openEmptyPglite } from './harness';
import { dashboardSuite } from './dashboard-suite';

dashboardSuite('PGlite', async () => {
  const db = await openEmptyPglite();
  await migrate(db);
  return db;
});
