import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's IP address, for rate limits only (it is never stored). Behind `trustProxy` reverse
 * proxies it is the address the outermost trusted proxy saw, read from the right of
 * X-Forwarded-For (entries further left are whatever the client chose to send). Requests made
 * without a socket (`app.request()` in tests) count as one client, `local`.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  const socket = c.env?.incoming ? getConnInfo(c).remote.address : undefined;
  if (trustProxy > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
    const hop = forwarded[forwarded.length - trustProxy];
    if (hop) return hop;
  }
  return socket ?? 'local';
}
