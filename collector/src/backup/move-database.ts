import { PassThrough } from 'node:stream';
import type { Database } from '../db/database';
import { restoreBackup, type RestoreSummary } from './restore-backup';
import { takeBackup } from './take-backup';

/**
 * Copies everything from `source` into the empty `target` (PGlite → PostgreSQL): a backup streamed
 * straight into a restore, with no file in between, on the same code path as `backup` and
 * `restore`. The source is only read; a refusal or failure leaves the target as it was.
 */
export async function moveDatabase(source: Database, target: Database): Promise<RestoreSummary> {
  const records = new PassThrough({ objectMode: true, highWaterMark: 4 });
  const restoring = restoreBackup(target, records).catch((error: unknown) => {
    records.destroy();
    throw error;
  });
  const [taken, restored] = await Promise.allSettled([takeBackup(source, records), restoring]);
  if (restored.status === 'rejected') throw restored.reason;
  if (taken.status === 'rejected') throw taken.reason;
  return restored.value;
}
