import { migrate } from '../../src/db/migrate';
import { openMigratedPglite } from '../empty-pglite';
import { surveysSuite } from './surveys-suite';

surveysSuite('PGlite', async () => {
  const db = await openMigratedPglite();
  await migrate(db);
  return db;
});
