import type { Queryable } from '../db/database';
import type { Log } from '../http/log';

const dayMs = 86_400_000;

export interface RetentionOptions {
  db: Queryable;
  /** Answers are deleted this many days after they reached the collector. */
  days: number;
  now?: () => Date;
  /** Rows per DELETE: short statements keep locks short while answers keep arriving. */
  batchSize?: number;
  /** Batches per run; what is left waits for the next run. */
  maxBatches?: number;
}

/**
 * Deletes answers older than the retention period (by `received_at`), in bounded batches, oldest
 * first. Rows derived from an answer go with it (`ON DELETE CASCADE`).
 */
export function createRetention({ db, days, now = () => new Date(), batchSize = 1000, maxBatches = 100 }: RetentionOptions) {
  return async function deleteExpired(): Promise<{ deleted: number; before: string; more: boolean }> {
    const before = new Date(now().getTime() - days * dayMs).toISOString();
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
 * Runs `deleteExpired` at once (on start), then every `everyMs`; a run never overlaps the previous
 * one, and one that stopped at its batch limit is followed by another right away. A failed run is
 * logged and retried at the next tick. `stop()` clears the timer and waits for a run in progress.
 */
export function startRetentionJob({
  deleteExpired,
  everyMs = 3_600_000,
  log,
}: {
  deleteExpired: ReturnType<typeof createRetention>;
  everyMs?: number;
  log: Pick<Log, 'info' | 'error'>;
}) {
  let running: Promise<void> | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  function tick() {
    running = deleteExpired().then(
      ({ deleted, before, more }) => {
        if (deleted) log.info({ job: 'retention', deleted, before });
        schedule(more ? 0 : everyMs);
      },
      (error: unknown) => {
        log.error('retention: deleting expired answers failed', { job: 'retention', error: error instanceof Error ? error.message : String(error) });
        schedule(everyMs);
      },
    );
  }
  tick();
  const first = running!;
  return {
    /** Resolves when the first run (the one on start) has finished. */
    firstRun: () => first,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
