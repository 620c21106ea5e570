import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const NAME = 'hearback_session';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * POSTs), and, behind https, Secure with the `__Host-` prefix (this host only, path /; hono adds
 * the prefix to the name).
 */
export function sessionCookie(https: boolean) {
  const prefix = https ? ('host' as const) : undefined;
  const options = { httpOnly: true, sameSite: 'Lax' as const, secure: https, path: '/', prefix };
  return {
    read: (c: Context) => (prefix ? getCookie(c, NAME, prefix) : getCookie(c, NAME)),
    write: (c: Context, secret: string, expires: Date) => setCookie(c, NAME, secret, { ...options, expires }),
    clear: (c: Context) => deleteCookie(c, NAME, options),
  };
}

export type SessionCookie = ReturnType<typeof sessionCookie>;
