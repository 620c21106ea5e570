import { configDefaults, defineConfig } from 'vitest/config';
import { postgresTests, receiverAlias } from './vitest.config';

// The PostgreSQL copies of the collector tests, and only them: run with DATABASE_URL pointing at a
// server, e.g. `sh collector/scripts/with-postgres.sh` (a throw-away cluster; this is its default command).
export default defineConfig({
  define: { __HEARBACK_VERSION__: JSON.stringify('0.1.0') },
  resolve: { alias: receiverAlias },
  test: {
    name: 'postgres',
    include: [postgresTests],
    exclude: configDefaults.exclude,
    environment: 'node',
  },
});
