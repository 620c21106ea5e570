import { HearbackTimeoutError } from '../common/errors';

/**
 * Settles like `promise`, or rejects with a `HearbackTimeoutError` after `ms`. IndexedDB can
 * hang without ever firing success or error: Safari 14.1–14.6 left the first `open` of a page
 * pending forever (WebKit bug 226547), and a blocked upgrade waits on other tabs indefinitely.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HearbackTimeoutError(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

export const isTimeout = (error: unknown): boolean => error instanceof HearbackTimeoutError;
