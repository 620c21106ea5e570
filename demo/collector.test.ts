import { createPgliteDatabase } from './db/pglite-database.mjs';
import { describeCollector } from './test/collector-suite.mjs';

// PGlite in memory: the embedded default, no server needed.
describeCollector('PGlite', () => createPgliteDatabase());
