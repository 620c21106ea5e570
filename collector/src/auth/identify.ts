import type { MiddlewareHandler } from 'hono';
import type { AppEnv, SignedInUser } from '../app-env';
import type { ApiTokens } from './api-tokens';
import type { SessionCookie } from './session-cookie';
import type { Sessions } from './sessions';

/**
 * Sets `c.var.identify()`: who sent the request, looked up on first call only (the public answer
 * route never pays for it). `Authorization: Bearer …` is an API token; otherwise the session
 * cookie. A bearer header that is not a live token identifies nobody, even with a cookie.
 */
export function identify({ sessions, apiTokens, cookie }: { sessions: Sessions; apiTokens: ApiTokens; cookie: SessionCookie }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let found: Promise<SignedInUser | null> | undefined;
    c.set('identify', () => (found ??= lookup()));
    async function lookup(): Promise<SignedInUser | null> {
      const authorization = c.req.header('authorization') ?? '';
      // Any "Bearer …" header is a token attempt (the CSRF check lets it through as one): a
      // malformed one identifies nobody, rather than falling back to the cookie.
      if (/^Bearer\s/i.test(authorization)) {
        const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
        const user = bearer ? await apiTokens.find(bearer[1]) : null;
        return user && { ...user, via: 'token' };
      }
      const secret = cookie.read(c);
      if (!secret) return null;
      const user = await sessions.find(secret);
      return user && { ...user, via: 'session' };
    }
    await next();
  };
}
