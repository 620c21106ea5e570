import type { Logger } from './log';

/** Runs host-facing work so that nothing ever throws into the page. */
export async function guard<T>(log: Logger, work: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    log.error(`internal error: ${String(error)}`);
    return undefined;
  }
}

/** The same for synchronous work (destroying parts). */
export function guardSync(log: Logger, work: () => void) {
  try {
    work();
  } catch (error) {
    log.error(`internal error: ${String(error)}`);
  }
}
