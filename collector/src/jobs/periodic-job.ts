import { retryDelay, type BackoffPolicy } from '../alerts/backoff';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import type { Log } from '../http/log';

/** What one run reports: `more` asks for the next run at once (it stopped at its batch limit). */
export interface RunReport {
  more: boolean;
  /** Logged (with `job`) when present. */
  fields?: Record<string, unknown>;
}

/**
 * Runs `run` at once (on start), then every `everyMs`; a run never overlaps the previous one, and
 * one that reports `more` is followed by another right away. A failed run is logged and retried at
 * the next tick; one that failed because the database is away is retried sooner — after `retryMs`,
 * doubling up to `everyMs` — and the first run after it logs that the job resumed. `stop()` clears
 * the timer and waits for a run in progress.
 */
export function startPeriodicJob({ job, run, everyMs, retryMs = 5_000, log }: {
  /** The job's name in log lines. */
  job: string;
  run: () => Promise<RunReport>;
  everyMs: number;
  /** The first wait after a run failed because the database is away (doubling up to `everyMs`). @default 5000 */
  retryMs?: number;
  log: Pick<Log, 'info' | 'error'>;
}) {
  let running: Promise<void> | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const away: BackoffPolicy = { baseMs: Math.min(retryMs, everyMs), capMs: everyMs, maxAttempts: Infinity };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref?.();
  };
  function tick() {
    running = run().then(
      ({ more, fields }) => {
        if (failures) log.info({ job, resumed: true, failedRuns: failures });
        failures = 0;
        if (fields) log.info({ job, ...fields });
        schedule(more ? 0 : everyMs);
      },
      (error: unknown) => {
        failures++;
        const next = isDatabaseUnavailable(error) ? retryDelay(failures, away, Math.random, null) : everyMs;
        log.error(`${job}: run failed`, { job, error: error instanceof Error ? error.message : String(error), nextRunInSeconds: Math.ceil(next / 1000) });
        schedule(next);
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
