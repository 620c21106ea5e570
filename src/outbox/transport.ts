/** What the endpoint said, or that the body went by `sendBeacon` (no answer comes back). */
export type Delivery = { status: number; retryAfter: string | null } | { beacon: true };

export interface Transport {
  /**
   * POSTs one JSON body. Rejects on a network failure. `hiding`: the page is going away, so only
   * requests that outlive it are made (fetch `keepalive`, else `sendBeacon`); resolves `undefined`
   * when none fits the keepalive budget.
   */
  post(body: string, bytes: number, hiding: boolean): Promise<Delivery | undefined>;
}

export interface TransportDeps {
  endpoint: string;
  /** @default 'text/plain' (sent as `text/plain;charset=UTF-8`: no CORS preflight) */
  contentType?: 'text/plain' | 'application/json';
  /** The native fetch, captured once at creation so later host patches can neither break nor see delivery. */
  fetch: typeof fetch;
  window?: Window;
  /** A request still unanswered after this is abandoned (and retried). @default 20000 */
  timeoutMs?: number;
}

/**
 * Browsers cap the bodies of in-flight `keepalive` requests at 64 KiB per page (Fetch spec,
 * "inflight keepalive bytes"); a request over the cap fails outright. Keep a margin.
 */
const keepaliveBudget = 60_000;

export function createTransport({ endpoint, contentType, fetch, window: win, timeoutMs = 20_000 }: TransportDeps): Transport {
  const RequestClass = ((win ?? globalThis) as typeof globalThis).Request;
  // Firefox before 133 ignores `keepalive` and has no `Request.prototype.keepalive`.
  const canKeepalive = typeof RequestClass === 'function' && 'keepalive' in RequestClass.prototype;
  const navigator = win?.navigator;
  const beacon = navigator && typeof navigator.sendBeacon === 'function' ? navigator.sendBeacon.bind(navigator) : undefined;
  const type = contentType === 'application/json' ? 'application/json' : 'text/plain;charset=UTF-8';
  let inflightBytes = 0;

  return {
    async post(body, bytes, hiding) {
      const keepalive = canKeepalive && inflightBytes + bytes <= keepaliveBudget;
      if (hiding && !keepalive) {
        // A string beacon goes as text/plain;charset=UTF-8 whatever `contentType` says.
        return !canKeepalive && beacon?.(endpoint, body) ? { beacon: true } : undefined;
      }
      if (keepalive) inflightBytes += bytes;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutMs);
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          body,
          headers: { 'content-type': type },
          credentials: 'omit',
          keepalive,
          // The payload's `url` drops query and fragment; the Referer header must not bring them back.
          referrerPolicy: 'strict-origin',
          signal: abort.signal,
        });
        return { status: response.status, retryAfter: response.headers.get('retry-after') };
      } finally {
        clearTimeout(timer);
        if (keepalive) inflightBytes -= bytes;
      }
    },
  };
}
