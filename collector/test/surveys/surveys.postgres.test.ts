import { migrate } from '../../src/db/migrate';
import { openTestDatabase } from '../harness';
import { surveysSuite } from './surveys-suite';

// The same suite on a real PostgreSQL server (DATABASE_URL; collector/scripts/with-postgres.sh).
surveysSuite('PostgreSQL', async () => {
  const db = await openTestDatabase();
  await migrate(db);
  return db;
}, { skip: !process.env.DATABASE_URL });
