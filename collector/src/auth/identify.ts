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
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
      if (bearer) {
        const user = await apiTokens.find(bearer[1]);
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
