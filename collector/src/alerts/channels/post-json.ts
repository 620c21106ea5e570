import http from 'node:http';
import https from 'node:https';
import { DeliveryError, isDeliveryError } from './delivery-error';
import { addressForSend, fixedLookup, type DestinationPolicy } from './destination';

export interface PostOptions {
  url: string;
  headers?: Record<string, string>;
  /** Sent exactly as given, so a signature over it stays valid. */
  body: string;
  /** Which addresses the URL's host may resolve to. */
  destinations: DestinationPolicy;
  timeoutMs?: number;
  now?: () => number;
}

/** What the far side answered: its status and headers (its body is never read). */
export interface PostResult {
  status: number;
  headers: http.IncomingHttpHeaders;
}

const retryableStatus = new Set([408, 425, 429]);

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Checks where the URL's host resolves to (`checkedAddress`) and connects to exactly that address
 * (the Host header and TLS name stay the URL's), so a name that resolves elsewhere a moment later
 * changes nothing. Redirects are not followed.
 */
function post(url: URL, options: PostOptions, timeoutMs: number): Promise<PostResult> {
  return addressForSend(url.hostname, url.host, options.destinations).then((address) => new Promise<PostResult>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body), ...options.headers },
      lookup: fixedLookup(address),
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    }, (response) => {
      // Only the status counts; the body is dropped unread.
      response.resume();
      response.on('error', () => {});
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    request.on('error', reject);
    request.end(options.body);
  }));
}

/**
 * POSTs JSON and turns every outcome into success or a DeliveryError that says whether to retry.
 * Returns the status for callers that treat one as sent (LINE's 409 on a repeated retry key).
 */
export async function postJson(options: PostOptions, treatAsSent: (status: number) => boolean = () => false): Promise<PostResult> {
  const { timeoutMs = 10_000, now = Date.now } = options;
  const url = new URL(options.url);
  const host = url.host;
  let result: PostResult;
  try {
    result = await post(url, options, timeoutMs);
  } catch (error) {
    if (isDeliveryError(error)) throw error;
    const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
    throw new DeliveryError({ code: timedOut ? 'timeout' : 'unreachable', host }, { retryable: true, cause: error });
  }
  if ((result.status >= 200 && result.status < 300) || treatAsSent(result.status)) return result;
  const retryAfter = result.headers['retry-after'];
  throw new DeliveryError({ code: 'status', host, status: result.status }, {
    retryable: retryableStatus.has(result.status) || result.status >= 500,
    retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, now()),
  });
}
