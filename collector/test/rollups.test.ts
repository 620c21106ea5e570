import { migrate } from '../src/db/migrate';
import { openEmptyPglite } from './harness';
import { rollupsSuite } from './rollups-suite';

rollupsSuite('PGlite', async () => {
  const db = await openEmptyPglite();
  await migrate(db);
  return db;
});
