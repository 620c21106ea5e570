import { serveStatic } from '@hono/node-server/serve-static';
import { setCookie } from 'hono/cookie';
import { etag } from 'hono/etag';
import type { App, FeatureDeps } from '../app-env';
import { formFields } from '../http/form-fields';
import { localPath } from '../http/local-path';
import { ownOrigin } from '../http/own-origin';
import { packageDir } from '../package-dir';
import { LANG_COOKIE, langs } from './lang';

/** Where `npm run build` puts the client bundles (`collector/client/*` → `dist/assets/*`). */
export const assetsDir = `${packageDir}dist/assets`;

/**
 * The shell's own routes: the client assets under `/assets/` (source maps only signed in), the language switch (`POST /lang`,
 * a cookie for a year, then back to the page), and `/` (the first menu entry once signed in,
 * else the sign-in page).
 */
export function mountShell(app: App, { nav, config }: FeatureDeps) {
  // Revalidated on every load (no-cache) and answered 304 while unchanged: a rebuilt bundle is
  // picked up at once, an unchanged one costs no bytes.
  // Source maps give away the client's source and comments: only to people signed in.
  app.use('/assets/*', async (c, next) => {
    if (c.req.path.endsWith('.map') && !(await c.var.identify())) return c.notFound();
    await next();
  });
  app.use('/assets/*', etag());
  app.use('/assets/*', serveStatic({
    root: assetsDir,
    rewriteRequestPath: (path) => path.slice('/assets'.length),
    onFound: (_path, c) => {
      c.header('cache-control', 'no-cache');
    },
  }));

  app.post('/lang', async (c) => {
    const { fields } = await formFields(c);
    const lang = langs.find((l) => l === fields.lang);
    if (lang) setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400 });
    return c.redirect(localPath(fields.back, ownOrigin(c, config)), 303);
  });

  app.get('/', async (c) => {
    const user = await c.var.identify();
    if (!user) return c.redirect('/signin', 303);
    return c.redirect(nav.entriesFor(user.role)[0]?.href ?? '/settings', 303);
  });
}
