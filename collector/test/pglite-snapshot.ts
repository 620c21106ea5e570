// Vitest global setup for the collector: on PGlite (no DATABASE_URL), makes one fresh, empty PGlite
// data folder and saves it as a tarball in TMPDIR; `openEmptyPglite` (empty-pglite.ts, which
// `openTestDatabase` uses) starts each test database from it instead of running PGlite's initdb
// again (about 3.4 s of CPU each → about 1 s).
// The database is the same: empty, unmigrated, pg_trgm available. Removed when the run ends.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpPgliteDataDir } from '../src/db/pglite-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The tarball's path; empty on PostgreSQL. */
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteSnapshot', '');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'hearback-pglite-snapshot-'));
  const file = join(dir, 'empty.tar');
  writeFileSync(file, Buffer.from(await (await dumpPgliteDataDir()).arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
