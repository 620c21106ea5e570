import { createPgliteDatabase } from '../src/db/pglite-database';
import { migrate } from '../src/db/migrate';
import { rollupsSuite } from './rollups-suite';

rollupsSuite('PGlite', async () => {
  const db = await createPgliteDatabase();
  await migrate(db);
  return db;
});
