import { backupSuite } from './backup/backup-suite';
import { openTestDatabase } from './harness';

// PGlite in memory (or, with DATABASE_URL, a throw-away schema on that server).
backupSuite(process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite', openTestDatabase);
