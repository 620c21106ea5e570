import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AppEnv } from '../app-env';
import { faviconHref } from './favicon';
import { shellText } from './messages';
import type { Nav } from './nav';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageOptions {
  /** The page's own title (the tab shows "title — hearback"). */
  title: string;
  /** The page's content, built with hono/html's `html` tag (values are escaped). */
  main: Html;
  /** Client entries to load, by name: `dashboard` → `/assets/dashboard.js` (built from `collector/client/dashboard.tsx`). */
  scripts?: string[];
  /** Stylesheets, by name: `dashboard` → `/assets/dashboard.css`. */
  styles?: string[];
  /** Status code. @default 200 */
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 429;
}

/**
 * Renders an owner page inside the signed-in shell (menu, account, language switch, sign-out), or,
 * before sign-in (no `c.var.user`), a bare page. Everything loads from `/assets/`, nothing inline,
 * so the page runs under the app's strict CSP.
 */
export type RenderPage = (c: Context<AppEnv>, options: PageOptions) => Promise<Response>;

export function createPageRenderer(nav: Nav): RenderPage {
  return async (c, { title, main, scripts = [], styles = [], status = 200 }) => {
    const lang = c.var.lang ?? 'en';
    const user = c.get('user') as AppEnv['Variables']['user'] | undefined;
    const path = c.req.path;
    const other = lang === 'th' ? 'en' : 'th';
    const entries = user ? nav.entriesFor(user.role) : [];
    const counts = await Promise.all(entries.map((entry) => entry.count?.read() ?? 0));
    const countBadge = (i: number) => html`<span class="nav-count" data-testid="nav-count">${counts[i].toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB')}<span class="sr-only"> ${entries[i].count!.label[lang]}</span></span>`;
    // On a phone the menu hides behind its button: the first count shows on the button too.
    const firstCounted = entries.findIndex((entry, i) => entry.count && counts[i] > 0);
    const shell = user
      ? html`<header class="shell-top"><div class="wrap shell-bar">
  <a class="brand" href="/"><span class="logo-dot" aria-hidden="true"></span>hearback</a>
  <button type="button" class="menu-toggle" aria-expanded="false" aria-controls="shell-menu" hidden>${shellText.menuButton[lang]}${firstCounted >= 0 ? html` ${countBadge(firstCounted)}` : ''}</button>
  <div class="shell-menu" id="shell-menu">
  <nav aria-label="${shellText.menu[lang]}"><ul class="shell-nav">${entries.map((entry, i) =>
    html`<li><a href="${entry.href}"${path === entry.href || path.startsWith(`${entry.href}/`) ? raw(' aria-current="page"') : ''}>${entry.label[lang]}${entry.count && counts[i] > 0 ? html` ${countBadge(i)}` : ''}</a></li>`)}</ul></nav>
  <div class="shell-account">
    <span class="who">${user.email} <span class="muted">(${shellText[user.role][lang]})</span></span>
    <form method="post" action="/lang"><input type="hidden" name="back" value="${path}"><button class="link" name="lang" value="${other}" lang="${other}" aria-label="${shellText.switchLabel[lang]}">${shellText.switchTo[lang]}</button></form>
    <form method="post" action="/signout"><button class="link">${shellText.signOut[lang]}</button></form>
  </div>
  </div>
</div></header>`
      : html`<header class="shell-top"><div class="wrap shell-bar"><span class="brand"><span class="logo-dot" aria-hidden="true"></span>hearback</span>
  <form method="post" action="/lang"><input type="hidden" name="back" value="${path}"><button class="link" name="lang" value="${other}" lang="${other}" aria-label="${shellText.switchLabel[lang]}">${shellText.switchTo[lang]}</button></form>
</div></header>`;
    const page = await html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — hearback</title>
<link rel="icon" href="${faviconHref}">
<link rel="stylesheet" href="/assets/shell.css">
${user ? html`<script type="module" src="/assets/shell-menu.js"></script>` : ''}
${styles.map((name) => html`<link rel="stylesheet" href="/assets/${name}.css">`)}
${scripts.map((name) => html`<script type="module" src="/assets/${name}.js"></script>`)}
</head>
<body>
<a class="skip" href="#main">${shellText.skip[lang]}</a>
${shell}
<main id="main" class="wrap">${main}</main>
</body>
</html>`;
    return c.html(page, status, { 'cache-control': 'no-store' });
  };
}
