import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Role } from '../app-env';
import { problem } from '../http/problem';

export interface RequireUserOptions {
  /**
   * `owner` admits only the owner, and only with a session: an API token never manages people or
   * tokens, so a leaked export token cannot add staff. @default any signed-in person
   */
  role?: Role;
  /**
   * A page (HTML): without sign-in, redirect to `/signin?next=<this path>` (plain `/signin` for a
   * form post). Otherwise (an API):
   * 401 with `{ problems }` and `WWW-Authenticate: Bearer`. @default false
   */
  page?: boolean;
  /** Refuse API tokens (403): for managing tokens, so a token cannot mint or outlive others. @default false */
  sessionOnly?: boolean;
}

/**
 * The gate in front of every route that is not public. Admits a signed-in person (session cookie)
 * or an API token, sets `c.var.user`, and marks the response `Cache-Control: no-store`. Sends no
 * `Access-Control-Allow-Origin`, so no other site can read what it guards.
 * @example
 * app.get('/api/cases', requireUser(), (c) => c.json(await cases.list(c.var.user)));
 * app.get('/settings', requireUser({ page: true }), (c) => page(c, { ... }));
 * app.post('/api/users', requireUser({ role: 'owner' }), …);
 */
export function requireUser({ role, page = false, sessionOnly = false }: RequireUserOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = await c.var.identify();
    if (!user) {
      // After sign-in, come back to the page; a form post cannot be replayed, so it starts over at /.
      if (page) return c.redirect(c.req.method === 'GET' ? `/signin?next=${encodeURIComponent(c.req.path + new URL(c.req.url).search)}` : '/signin', 303);
      return problem(c, 401, 'sign in first, or send an API token as Authorization: Bearer …', { 'www-authenticate': 'Bearer realm="hearback"' });
    }
    const refusal = (role === 'owner' || sessionOnly) && user.via !== 'session' ? 'API tokens cannot do this; sign in instead'
      : role === 'owner' && user.role !== 'owner' ? 'only the owner can do this' : undefined;
    if (refusal) return page ? c.text(refusal, 403, { 'cache-control': 'no-store' }) : problem(c, 403, refusal);
    c.set('user', user);
    await next();
    c.header('cache-control', 'no-store');
  };
}
