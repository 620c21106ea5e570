// A fresh, empty PGlite for the collector's tests, quick to make: see pglite-snapshot.ts.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { Database } from '../src/db/database';
import { createPgliteDatabase } from '../src/db/pglite-database';

let emptyDataDir: Promise<Blob | undefined> | undefined;
/** The empty data folder the collector project's global setup saved; none without that setup. */
function savedEmptyDataDir(): Promise<Blob | undefined> {
  emptyDataDir ??= (async () => {
    const file = inject('pgliteSnapshot');
    return file ? new Blob([await readFile(file)]) : undefined;
  })();
  return emptyDataDir;
}

/**
 * A fresh, empty in-memory PGlite, started from the empty data folder the collector project's
 * global setup saved (pglite-snapshot.ts) rather than by running initdb again; without that setup
 * (another vitest config), by initdb.
 */
export async function openEmptyPglite(): Promise<Database> {
  return createPgliteDatabase({ loadDataDir: await savedEmptyDataDir() });
}

/**
 * PGlite in the folder `dataDir`, as a collector opens it: a new, empty folder starts from that same
 * saved empty data folder (initdb without it); one that holds data is opened as it is (a restart).
 */
export async function openPgliteIn(dataDir: string): Promise<Database> {
  const fresh = readdirSync(dataDir).length === 0;
  return createPgliteDatabase({ dataDir, loadDataDir: fresh ? await savedEmptyDataDir() : undefined });
}
