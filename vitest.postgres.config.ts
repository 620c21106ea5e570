import { configDefaults, defineConfig } from 'vitest/config';
// @ts-expect-error -- a plain .mjs script without types
import { databaseTestFiles } from './collector/scripts/database-tests.mjs';
import { aloneTests, collectorProjects, maxWorkers, postgresTests, sharedOptions, testNodeFlags } from './vitest.config';

// The collector on PostgreSQL, in one run: the collector's tests that can open a database
// (collector/scripts/database-tests.mjs lists them; the rest run once, on PGlite, in the vitest
// step) and every *.postgres.test.ts. Run with DATABASE_URL pointing at a server, e.g.
// `sh collector/scripts/with-postgres.sh` (a throw-away cluster; this is its default command).
export default defineConfig({
  ...sharedOptions,
  test: {
    exclude: configDefaults.exclude,
    maxWorkers,
    poolOptions: { forks: { execArgv: testNodeFlags } },
    projects: [
      ...collectorProjects(databaseTestFiles(), aloneTests),
      { extends: true, test: { name: 'postgres', include: [postgresTests], exclude: [...configDefaults.exclude, ...aloneTests], environment: 'node' } },
    ],
  },
});
