import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { ownOrigin } from './own-origin';
import { problem } from './problem';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery guard for every state-changing request (POST, PUT, PATCH, DELETE):
 * the browser must say it comes from this app — `Sec-Fetch-Site: same-origin`, or an `Origin`
 * equal to this app's origin. Session cookies are also SameSite=Lax, so this is the second lock,
 * and the one that covers sign-in itself (login CSRF) and older browsers. Exempt:
 * - requests carrying `Authorization: Bearer …` (an API token is no ambient credential a foreign
 *   page could borrow; a bad token is refused by `requireUser`);
 * - `crossSite` routes meant to be posted from other sites (the answer receiver), which do their
 *   own origin check against the allow list.
 * A request with neither header (curl with a stolen cookie) is refused too: browsers send `Origin`
 * on every POST, and automation uses API tokens.
 */
export function csrfCheck(config: Pick<Config, 'publicUrl'>, { crossSite }: { crossSite: string[] }): MiddlewareHandler<AppEnv> {
  const exempt = new Set(crossSite);
  return async (c, next) => {
    if (!unsafe.has(c.req.method) || exempt.has(c.req.path) || /^Bearer\s/i.test(c.req.header('authorization') ?? '')) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if (site === 'same-origin' || (origin !== undefined && origin === ownOrigin(c, config))) return next();
    return problem(c, 403, `${c.req.method} ${c.req.path} must come from this app's own pages (Origin ${origin ?? 'missing'}, expected ${ownOrigin(c, config)}), or carry an API token`);
  };
}
