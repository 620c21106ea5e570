import type { Context } from 'hono';
import type { Config } from '../config';

/**
 * This app's own origin: `HEARBACK_PUBLIC_URL` when set (behind a TLS-terminating proxy the request
 * URL says http://, the browser says https://), else the origin the request was addressed to.
 */
export function ownOrigin(c: Context, config: Pick<Config, 'publicUrl'>): string {
  return config.publicUrl ?? new URL(c.req.url).origin;
}
