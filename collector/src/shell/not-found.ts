import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../app-env';
import { problem } from '../http/problem';
import { shellText } from './messages';
import type { RenderPage } from './page';

/** No route: a page (Thai or English) for a browser's GET, a `{ problems }` 404 for everything else. */
export function notFound(page: RenderPage) {
  return (c: Context<AppEnv>) => {
    const wantsPage = c.req.method === 'GET' && !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
    if (!wantsPage) return problem(c, 404, `no route ${c.req.method} ${c.req.path}`);
    const lang = c.var.lang ?? 'en';
    return page(c, {
      title: shellText.notFound[lang],
      status: 404,
      main: html`<section class="card narrow"><h1>${shellText.notFound[lang]}</h1><p class="muted">${shellText.notFoundLead[lang]}</p><p><a href="/">${shellText.home[lang]}</a></p></section>`,
    });
  };
}
