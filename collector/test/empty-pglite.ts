// A fresh, empty in-memory PGlite for the collector's tests, quick to make: see pglite-snapshot.ts.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { Database } from '../src/db/database';
import { createPgliteDatabase } from '../src/db/pglite-database';

let emptyDataDir: Promise<Blob | undefined> | undefined;
/**
 * A fresh, empty in-memory PGlite, started from the empty data folder the collector project's
 * global setup saved (pglite-snapshot.ts) rather than by running initdb again; without that setup
 * (another vitest config), by initdb.
 */
export async function openEmptyPglite(): Promise<Database> {
  emptyDataDir ??= (async () => {
    const file = inject('pgliteSnapshot');
    return file ? new Blob([await readFile(file)]) : undefined;
  })();
  return createPgliteDatabase({ loadDataDir: await emptyDataDir });
}
