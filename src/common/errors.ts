/**
 * The errors hearback raises, each a class with a stable `name` (minifiers rename classes, so the
 * name is set by hand): check `error.name === 'HearbackTimeoutError'` or `instanceof`.
 */

/** Something did not answer in time: IndexedDB that hangs, a prompt a test waits for. */
export class HearbackTimeoutError extends Error {
  override name = 'HearbackTimeoutError';
}
