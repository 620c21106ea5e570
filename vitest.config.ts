import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
// @ts-expect-error -- a plain .mjs script without types
import { testNodeFlags } from './scripts/test-node-flags.mjs';

// Unit tests run in node (test/unit); component tests in happy-dom (test/dom); the collector's in node.
// Browser tests (test/browser) drive real Chromium and run through scripts/test-all.mjs instead.
// Tests named *.postgres.test.ts, wherever they sit, need a PostgreSQL server: they are left out
// here and run by vitest.postgres.config.ts (collector/scripts/with-postgres.sh starts the server).
export const postgresTests = '**/*.postgres.test.ts';
/**
 * Tests that must have the machine, or the database server, to themselves: one measures latency
 * against an idle baseline (a test file in the next worker would weigh on one half of the
 * comparison); one restarts the PostgreSQL server under a running collector. They run one at a
 * time, after the rest (vitest runs a `singleFork` project's files once the others are done). On
 * PostgreSQL, `npm test` runs them as a step of their own (scripts/test-all.mjs): the rest of that
 * step shares the machine with the browser suite.
 */
export const aloneTests = ['collector/test/hardening/signin-spray.test.ts', 'collector/test/faults/database-away.postgres.test.ts'];

/** The app imports the receiver kit by its package name; in this repository that is the SDK's source. */
export const receiverAlias = { 'hearback/receiver': fileURLToPath(new URL('./src/receiver.ts', import.meta.url)) };

export const sharedOptions = {
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  define: { __HEARBACK_VERSION__: JSON.stringify('0.1.0') },
  resolve: { alias: receiverAlias },
} as const;
/**
 * One test file per core (vitest's default leaves a core free: on two cores, one file at a time).
 * The files are independent: each opens its own database, listens on port 0, makes its own temp
 * folders.
 */
export const maxWorkers = Math.max(2, availableParallelism());
/** Node's flags for the test workers: scripts/test-node-flags.mjs says which and why. */
export { testNodeFlags };
const collectorSetup = ['collector/test/build-client.ts', 'collector/test/pglite-snapshot.ts'];

/**
 * The collector's tests: `include` in parallel (project `collector`), and `alone` one at a time, at
 * the end (project `collector-alone`).
 */
export function collectorProjects(include: string[], alone: string[]) {
  return [
    // The owner's app (collector/): on PGlite, or on the PostgreSQL server in DATABASE_URL.
    { extends: true, test: { name: 'collector', include, exclude: [...configDefaults.exclude, postgresTests, ...alone], environment: 'node', globalSetup: collectorSetup, testTimeout: 20_000 } },
    // Without the collector's global setup: their few databases start by initdb (openEmptyPglite).
    { extends: true, test: { name: 'collector-alone', include: alone, environment: 'node', testTimeout: 20_000, poolOptions: { forks: { singleFork: true, execArgv: testNodeFlags } } } },
  ];
}

export default defineConfig({
  ...sharedOptions,
  test: {
    exclude: [...configDefaults.exclude, postgresTests],
    maxWorkers,
    poolOptions: { forks: { execArgv: testNodeFlags } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'demo/**/*.test.ts'], environment: 'node' } },
      ...collectorProjects(['collector/**/*.test.ts'], aloneTests),
      { extends: true, test: { name: 'dom', include: ['test/dom/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
    ],
  },
});
