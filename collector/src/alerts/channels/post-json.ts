import { DeliveryError } from './delivery-error';

export interface PostOptions {
  url: string;
  headers?: Record<string, string>;
  /** Sent exactly as given, so a signature over it stays valid. */
  body: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

const retryableStatus = new Set([408, 425, 429]);

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The far side's own words, shortened: enough to tell the owner what was wrong. */
async function reason(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim();
  return text ? `: ${text.slice(0, 300)}` : '';
}

/**
 * POSTs JSON and turns every outcome into success or a DeliveryError that says whether to retry.
 * Returns the response for callers that read headers (LINE's 409 on a repeated retry key).
 */
export async function postJson(options: PostOptions, treatAsSent: (status: number) => boolean = () => false): Promise<Response> {
  const { url, body, timeoutMs = 10_000, fetch: fetchImpl = fetch, now = Date.now } = options;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new DeliveryError(`could not reach ${new URL(url).host}: ${message}`, { retryable: true, cause: error });
  }
  if (response.ok || treatAsSent(response.status)) {
    await response.body?.cancel().catch(() => {});
    return response;
  }
  const retryable = retryableStatus.has(response.status) || response.status >= 500;
  throw new DeliveryError(`${new URL(url).host} answered ${response.status}${await reason(response)}`, {
    retryable,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()),
  });
}
