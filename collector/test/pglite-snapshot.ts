// Vitest global setup for the collector: on PGlite (no DATABASE_URL), makes one fresh, empty PGlite
// data folder and one with every migration applied, and saves both as tarballs in TMPDIR.
// `openEmptyPglite` and `openMigratedPglite` (empty-pglite.ts; `openTestDatabase` uses the migrated
// one) start each test database from them instead of running PGlite's initdb again (about 3.4 s of
// CPU each → about 1 s) and the migrations again (1–3 s more, most of it the first DDL a test
// process runs). `migrate` still runs on each and finds nothing to do; migrating from empty stays
// tested where it matters (server.test.ts, the PostgreSQL step, the installed-package check).
// The databases are the same as made the long way: pg_trgm available. Removed when the run ends.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- a plain .mjs script without types
import { testNodeFlags } from '../../scripts/test-node-flags.mjs';
import { migrate } from '../src/db/migrate';
import { dumpPgliteDataDir } from '../src/db/pglite-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The empty tarball's path; empty on PostgreSQL. */
    pgliteSnapshot: string;
    /** The migrated tarball's path; empty on PostgreSQL. */
    pgliteMigratedSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteSnapshot', '');
    project.provide('pgliteMigratedSnapshot', '');
    return;
  }
  // This runs in vitest's own process, which the workers' flags (vitest.config.ts) do not reach:
  // the same flags, set before PGlite compiles its WebAssembly.
  for (const flag of testNodeFlags as string[]) setFlagsFromString(flag);
  const dir = mkdtempSync(join(tmpdir(), 'hearback-pglite-snapshot-'));
  const empty = await dumpPgliteDataDir();
  const migrated = await dumpPgliteDataDir({ from: empty, prepare: migrate });
  const files = { empty: join(dir, 'empty.tar'), migrated: join(dir, 'migrated.tar') };
  writeFileSync(files.empty, Buffer.from(await empty.arrayBuffer()));
  writeFileSync(files.migrated, Buffer.from(await migrated.arrayBuffer()));
  project.provide('pgliteSnapshot', files.empty);
  project.provide('pgliteMigratedSnapshot', files.migrated);
  return () => rmSync(dir, { recursive: true, force: true });
}
