import { isDatabaseUnavailable } from './database-unavailable';

export interface DatabaseWait {
  /** How long to keep trying before giving up. 0 tries once. */
  waitMs: number;
  /** One line per failed try, e.g. for the start-up output. */
  say?: (line: string) => void;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** @default Date.now */
  now?: () => number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `probe` until it succeeds, while it fails only because the database server is away
 * (`DatabaseUnavailableError`) and `waitMs` has not run out: a collector started beside its
 * PostgreSQL (a reboot, `docker compose up`) waits for it instead of exiting. Waits 1, 2, 4, 8,
 * then 10 s between tries, never past the deadline. Any other error, or the last try's, is thrown.
 */
export async function waitForDatabase<T>(probe: () => Promise<T>, { waitMs, say = () => {}, sleep = pause, now = Date.now }: DatabaseWait): Promise<T> {
  const deadline = now() + waitMs;
  for (let delay = 1_000; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      return await probe();
    } catch (error) {
      const left = deadline - now();
      if (!isDatabaseUnavailable(error) || left <= 0) throw error;
      const wait = Math.min(delay, left);
      say(`  database:  not answering (${error.message}); trying again in ${Math.ceil(wait / 1000)} s, for up to ${Math.ceil(left / 1000)} s more`);
      await sleep(wait);
    }
  }
}
