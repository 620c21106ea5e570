import type { Context } from 'hono';
import type { Config } from '../config';
import { ownOrigin } from '../http/own-origin';

export type OriginVerdict = { ok: true; origin?: string } | { ok: false; origin: string };

/**
 * Who may post answers (and load the script with CORS): pages of the allowed sites
 * (`HEARBACK_ALLOWED_ORIGINS`, or Settings → Site), and this app's own pages (survey links, previews).
 * A request without an `Origin` header is allowed: browsers send `Origin` on every cross-origin
 * POST (fetch and sendBeacon alike), so its absence means a server-to-server post (a shop's
 * backend forwarding answers, curl), and any such client could forge an allowed `Origin` anyway.
 * The list keeps other web sites' visitors from posting; the rate limit bounds everyone.
 * `Origin: null` (sandboxed frames, file:// pages) is refused.
 */
export function createOriginPolicy(config: Pick<Config, 'allowedOrigins' | 'publicUrl'>) {
  return {
    check(c: Context): OriginVerdict {
      const origin = c.req.header('origin');
      if (origin === undefined) return { ok: true };
      // Read on every check: the allowed sites may change in the app at any time (Settings → Site).
      return config.allowedOrigins.includes(origin) || origin === ownOrigin(c, config) ? { ok: true, origin } : { ok: false, origin };
    },
  };
}

export type OriginPolicy = ReturnType<typeof createOriginPolicy>;
