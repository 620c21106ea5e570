import { migrate } from '../src/db/migrate';
import { openEmptyPglite } from './empty-pglite';
import { rollupsSuite } from './rollups-suite';

rollupsSuite('PGlite', async () => {
  const db = await openEmptyPglite();
  await migrate(db);
  return db;
});
