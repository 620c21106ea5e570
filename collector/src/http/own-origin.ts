import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { Config } from '../config';

/**
 * This app's own origin: `HEARBACK_PUBLIC_URL` when set (behind a TLS-terminating proxy the request
 * URL says http://, the browser says https://), else the origin the request was addressed to.
 */
export function ownOrigin(c: Context, config: Pick<Config, 'publicUrl'>): string {
  return config.publicUrl ?? new URL(c.req.url).origin;
}

/**
 * The origin written into links, posters and the survey page: `HEARBACK_PUBLIC_URL` when set, else
 * the address this server listens on (the connection's own address and port; `HOST` and `PORT` for
 * requests without a socket), never the request's `Host` header, which any client can forge. The
 * collector refuses to start on a non-loopback `HOST` without `HEARBACK_PUBLIC_URL`.
 */
export function linkOrigin(c: Context, config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  const host = (socket?.localAddress ?? config.host).replace(/^::ffff:/, '');
  return `http://${host.includes(':') ? `[${host}]` : host}:${socket?.localPort ?? config.port}`;
}
