/**
 * A send that did not go through. `retryable` says whether trying again later can help (network
 * failures, timeouts, 408/425/429/5xx, SMTP 4xx); `retryAfterMs` is what the far side asked for
 * (`Retry-After`), if it said.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError' as const;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number | null; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

export function isDeliveryError(error: unknown): error is DeliveryError {
  return error instanceof Error && error.name === 'DeliveryError';
}
