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
 * the next tick. `stop()` clears the timer and waits for a run in progress.
 */
export function startPeriodicJob({ job, run, everyMs, log }: {
  /** The job's name in log lines. */
  job: string;
  run: () => Promise<RunReport>;
  everyMs: number;
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
    running = run().then(
      ({ more, fields }) => {
        if (fields) log.info({ job, ...fields });
        schedule(more ? 0 : everyMs);
      },
      (error: unknown) => {
        log.error(`${job}: run failed`, { job, error: error instanceof Error ? error.message : String(error) });
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
