import { migrate } from '../src/db/migrate';
import { openMigratedPglite } from './empty-pglite';
import { rollupsSuite } from './rollups-suite';

rollupsSuite('PGlite', async () => {
  const db = await openMigratedPglite();
  await migrate(db);
  return db;
});
