/** Why a destination is refused: `metadata` and `link-local` always, `private` unless allowed, `reserved` always (multicast, broadcast, documentation…), `unresolved` when the name has no address. */
export type RefusedWhy = 'metadata' | 'link-local' | 'private' | 'reserved' | 'unresolved';

/**
 * Why a send did not go through, in a form the pages can say in the reader's language: a status
 * and a short reason of our own, never the far side's reply (a receiver could make the app show
 * anything, and an internal server's page would leak to staff and API tokens).
 */
export type DeliveryReason =
  | { code: 'refused'; host: string; why: RefusedWhy }
  | { code: 'unreachable'; host: string }
  | { code: 'timeout'; host: string }
  | { code: 'status'; host: string; status: number }
  | { code: 'smtp-status'; host: string; status: number }
  | { code: 'smtp-login'; host: string }
  | { code: 'smtp-tls'; host: string }
  | { code: 'smtp-address'; host: string }
  | { code: 'unreadable'; fields: string[] }
  | { code: 'incomplete' }
  | { code: 'capped'; perHour: number }
  | { code: 'unknown' };

/** The reason in English, for the log and `Error.message`. */
export function reasonInEnglish(reason: DeliveryReason): string {
  switch (reason.code) {
    case 'refused': return `${reason.host} is not allowed as an alert destination (${reason.why})`;
    case 'unreachable': return `could not reach ${reason.host}`;
    case 'timeout': return `${reason.host} did not answer in time`;
    case 'status': return `${reason.host} answered ${reason.status}`;
    case 'smtp-status': return `the SMTP server ${reason.host} answered ${reason.status}`;
    case 'smtp-login': return `the SMTP server ${reason.host} refused the user name or password`;
    case 'smtp-tls': return `could not set up encryption with the SMTP server ${reason.host}`;
    case 'smtp-address': return `the SMTP server ${reason.host} refused the sender or a recipient address`;
    case 'unreadable': return `the channel's ${reason.fields.join(' and ')} cannot be decrypted: it was saved with a HEARBACK_SECRET_KEY this collector does not have; edit the channel and type it again`;
    case 'incomplete': return 'the channel\'s settings are incomplete; edit the channel';
    case 'capped': return `held back: the channel had its ${reason.perHour} alerts this hour; it is counted in the daily digest`;
    case 'unknown': return 'the alert could not be sent';
  }
}

/**
 * A send that did not go through. `retryable` says whether trying again later can help (network
 * failures, timeouts, 408/425/429/5xx, SMTP 4xx); `retryAfterMs` is what the far side asked for
 * (`Retry-After`), if it said.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError' as const;
  readonly reason: DeliveryReason;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;

  constructor(reason: DeliveryReason, options: { retryable: boolean; retryAfterMs?: number | null; cause?: unknown }) {
    super(reasonInEnglish(reason), { cause: options.cause });
    this.reason = reason;
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof Error && error.name === 'DeliveryError';
}

/** The reason of any failure: a DeliveryError's own, else `unknown` (its text may be anyone's). */
export const reasonOf = (error: unknown): DeliveryReason => (isDeliveryError(error) ? error.reason : { code: 'unknown' });
