import type { Queryable } from '../db/database';
import type { Log } from '../http/log';
import { startPeriodicJob } from '../jobs/periodic-job';

const dayMs = 86_400_000;

export interface RetentionOptions {
  db: Queryable;
  /**
   * Answers are deleted this many days after they reached the collector. A function is asked on
   * every run (the owner may change it in the app); undefined keeps everything.
   */
  days: number | (() => number | undefined | Promise<number | undefined>);
  now?: () => Date;
  /** Rows per DELETE: short statements keep locks short while answers keep arriving. */
  batchSize?: number;
  /** Batches per run; what is left waits for the next run. */
  maxBatches?: number;
}

/**
 * Deletes answers older than the retention period (by `received_at`), in bounded batches, oldest
 * first, and the prompt counts of the days before it. Rows derived from an answer go with it
 * (`ON DELETE CASCADE`).
 */
export function createRetention({ db, days, now = () => new Date(), batchSize = 1000, maxBatches = 100 }: RetentionOptions) {
  return async function deleteExpired(): Promise<{ deleted: number; before: string; more: boolean }> {
    const keep = typeof days === 'function' ? await days() : days;
    if (keep === undefined) return { deleted: 0, before: '', more: false };
    const before = new Date(now().getTime() - keep * dayMs).toISOString();
    // Prompt counts (POST /api/shown) go by the same period: whole days before the cut.
    await db.query('DELETE FROM shown_counts WHERE day < ($1::timestamptz)::date', [before]);
    let deleted = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const { rows } = await db.query(
        `DELETE FROM responses WHERE id IN (
           SELECT id FROM responses WHERE received_at < $1 ORDER BY received_at LIMIT $2
         ) RETURNING id`,
        [before, batchSize],
      );
      deleted += rows.length;
      if (rows.length < batchSize) return { deleted, before, more: false };
    }
    return { deleted, before, more: true };
  };
}

/**
 * Runs `deleteExpired` on start and then every `everyMs` (hourly), at once again while a run stops
 * at its batch limit (`startPeriodicJob`).
 */
export function startRetentionJob({ deleteExpired, everyMs = 3_600_000, log }: {
  deleteExpired: ReturnType<typeof createRetention>;
  everyMs?: number;
  log: Pick<Log, 'info' | 'error'>;
}) {
  return startPeriodicJob({
    job: 'retention',
    everyMs,
    log,
    run: async () => {
      const { deleted, before, more } = await deleteExpired();
      return { more, ...(deleted ? { fields: { deleted, before } } : {}) };
    },
  });
}
