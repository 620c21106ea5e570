// A fresh PGlite for the collector's tests, quick to make: see pglite-snapshot.ts.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { Database } from '../src/db/database';
import { createPgliteDatabase } from '../src/db/pglite-database';

const saved = new Map<'pgliteSnapshot' | 'pgliteMigratedSnapshot', Promise<Blob | undefined>>();
/** A data folder the collector project's global setup saved; none without that setup. */
function savedDataDir(which: 'pgliteSnapshot' | 'pgliteMigratedSnapshot'): Promise<Blob | undefined> {
  if (!saved.has(which)) {
    saved.set(which, (async () => {
      const file = inject(which);
      return file ? new Blob([await readFile(file)]) : undefined;
    })());
  }
  return saved.get(which)!;
}

/**
 * A fresh, empty in-memory PGlite, started from the empty data folder the collector project's
 * global setup saved (pglite-snapshot.ts) rather than by running initdb again; without that setup
 * (another vitest config), by initdb.
 */
export async function openEmptyPglite(): Promise<Database> {
  return createPgliteDatabase({ loadDataDir: await savedDataDir('pgliteSnapshot') });
}

/** The saved migrated data folder, else the empty one (the caller migrates either way). */
async function savedMigratedDataDir(): Promise<Blob | undefined> {
  return (await savedDataDir('pgliteMigratedSnapshot')) ?? savedDataDir('pgliteSnapshot');
}

/**
 * A fresh in-memory PGlite with every migration applied, from the saved migrated data folder;
 * without that setup, an empty one (the caller migrates either way).
 */
export async function openMigratedPglite(): Promise<Database> {
  return createPgliteDatabase({ loadDataDir: await savedMigratedDataDir() });
}

/**
 * PGlite in the folder `dataDir`, as a collector opens it: a new, empty folder starts from the saved
 * migrated data folder (initdb without it); one that holds data is opened as it is (a restart).
 */
export async function openPgliteIn(dataDir: string): Promise<Database> {
  const fresh = readdirSync(dataDir).length === 0;
  return createPgliteDatabase({ dataDir, loadDataDir: fresh ? await savedMigratedDataDir() : undefined });
}
