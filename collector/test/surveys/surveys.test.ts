import { migrate } from '../../src/db/migrate';
import { openEmptyPglite } from '../empty-pglite';
import { surveysSuite } from './surveys-suite';

surveysSuite('PGlite', async () => {
  const db = await openEmptyPglite();
  await migrate(db);
  return db;
});
