import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Unit tests run in node (test/unit); component tests in happy-dom (test/dom); the collector's in node.
// Browser tests (test/browser) drive real Chromium and run through scripts/test-all.mjs instead.
// Tests named *.postgres.test.ts, wherever they sit, need a PostgreSQL server: they are left out
// here and run by vitest.postgres.config.ts (collector/scripts/with-postgres.sh starts the server).
export const postgresTests = '**/*.postgres.test.ts';

/** The app imports the receiver kit by its package name; in this repository that is the SDK's source. */
export const receiverAlias = { 'hearback/receiver': fileURLToPath(new URL('./src/receiver.ts', import.meta.url)) };

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  define: { __HEARBACK_VERSION__: JSON.stringify('0.1.0') },
  resolve: { alias: receiverAlias },
  test: {
    exclude: [...configDefaults.exclude, postgresTests],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'demo/**/*.test.ts'], environment: 'node' } },
      // The owner's app (collector/): on PGlite, or on the PostgreSQL server in DATABASE_URL.
      { extends: true, test: { name: 'collector', include: ['collector/**/*.test.ts'], environment: 'node', globalSetup: ['collector/test/build-client.ts', 'collector/test/pglite-snapshot.ts'], testTimeout: 20_000 } },
      { extends: true, test: { name: 'dom', include: ['test/dom/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
    ],
  },
});
