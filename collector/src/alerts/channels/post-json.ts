import http from 'node:http';
import https from 'node:https';
import { DeliveryError, isDeliveryError } from './delivery-error';
import { addressForSend, fixedLookup, type DestinationPolicy } from './destination';

export interface PostOptions {
  url: string;
  /** @default 'POST' */
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent exactly as given, so a signature over it stays valid. */
  body?: string;
  /** Which addresses the URL's host may resolve to. */
  destinations: DestinationPolicy;
  timeoutMs?: number;
  now?: () => number;
  /** Read the far side's reply up to this many bytes (`PostResult.body`); by default it is dropped unread. */
  readBodyBytes?: number;
}

/** What the far side answered: its status and headers, and its body when asked for. */
export interface PostResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body?: string;
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

/** The reply's body, cut off after `limit` bytes (a far side cannot make us hold more). */
function readBody(response: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else response.destroy();
    });
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

/**
 * Checks where the URL's host resolves to (`checkedAddress`) and connects to exactly that address
 * (the Host header and TLS name stay the URL's), so a name that resolves elsewhere a moment later
 * changes nothing. Redirects are not followed.
 */
function send(url: URL, options: PostOptions, timeoutMs: number): Promise<PostResult> {
  const body = options.body ?? '';
  return addressForSend(url.hostname, url.host, options.destinations).then((address) => new Promise<PostResult>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: options.method ?? 'POST',
      headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }), ...options.headers },
      lookup: fixedLookup(address),
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    }, (response) => {
      const result = { status: response.statusCode ?? 0, headers: response.headers };
      if (options.readBodyBytes) return void readBody(response, options.readBodyBytes).then((text) => resolve({ ...result, body: text }), reject);
      // Only the status counts; the body is dropped unread.
      response.resume();
      response.on('error', () => {});
      resolve(result);
    });
    request.on('error', reject);
    request.end(options.body);
  }));
}

/**
 * POSTs JSON (or GETs, with `method`) and turns every outcome into success or a DeliveryError that says whether to retry.
 * Returns the status for callers that treat one as sent (LINE's 409 on a repeated retry key).
 */
export async function postJson(options: PostOptions, treatAsSent: (status: number) => boolean = () => false): Promise<PostResult> {
  const { timeoutMs = 10_000, now = Date.now } = options;
  const url = new URL(options.url);
  const host = url.host;
  let result: PostResult;
  try {
    result = await send(url, options, timeoutMs);
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
