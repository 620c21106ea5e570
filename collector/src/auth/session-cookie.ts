import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * POSTs), and, behind https, Secure with the `__Host-` prefix (this host only, path /).
 */
export function sessionCookie(https: boolean) {
  const name = https ? '__Host-hearback_session' : 'hearback_session';
  const options = { httpOnly: true, sameSite: 'Lax' as const, secure: https, path: '/' };
  return {
    name,
    read: (c: Context) => getCookie(c, name),
    write: (c: Context, secret: string, expires: Date) =>
      setCookie(c, name, secret, { ...options, expires, ...(https ? { prefix: 'host' as const } : {}) }),
    clear: (c: Context) => deleteCookie(c, name, { ...options, ...(https ? { prefix: 'host' as const } : {}) }),
  };
}

export type SessionCookie = ReturnType<typeof sessionCookie>;
