// Node's flags for every test process: vitest's workers (vitest.config.ts), the browser suite's
// files (scripts/test-all.mjs), the collectors a test starts (collector/test/support/
// collector-process.mjs) and vitest's own process, where the collector's global setup builds its
// PGlite copies (collector/test/pglite-snapshot.ts sets them at run time).
// `--liftoff-only`: V8 compiles PGlite's WebAssembly (a whole PostgreSQL) with its baseline compiler
// only. A test process lives for seconds and runs a few hundred queries, so the optimising
// compiler's background work on PostgreSQL's hot functions cost more CPU than it ever won back (a
// fresh process opening PGlite and running 300 queries: 3.4 → 2.1 s of CPU), and on two cores that
// CPU was the suite's time. The app and the benches run with V8's defaults.
export const testNodeFlags = ['--liftoff-only'];
