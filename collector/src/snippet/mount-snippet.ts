import { html } from 'hono/html';
import type { App, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { linkOrigin } from '../http/own-origin';
import type { ScriptFiles, ScriptMissing } from '../script/script-files';
import { appSnippet } from './app-snippet';
import { snippetText as t } from './snippet-text';

/**
 * The snippet, signed in: `GET /app/snippet` (menu entry "Snippet"). One tag with the pinned
 * script and its SRI hash and this server's public addresses only (`HEARBACK_PUBLIC_URL`, else the
 * origin the page was opened on: see `appSnippet`); the surveys come from the app. `client/snippet.js`
 * copies it and says whether the site the owner names is on the allow list.
 * `POST /app/snippet/preview` takes a live preview's answers and drops them.
 * `/builder.html` (the demo's old address) redirects here.
 */
export function mountSnippet(app: App, { config, nav, page }: FeatureDeps, { script }: { script: ScriptFiles | ScriptMissing }) {
  nav.add({ href: '/app/snippet', label: t.nav, order: 50 });
  app.get('/builder.html', (c) => c.redirect('/app/snippet', 301));

  app.post('/app/snippet/preview', requireUser(), (c) => c.body(null, 204));

  app.get('/app/snippet', requireUser({ page: true }), (c) => {
    const lang = c.var.lang;
    if ('missing' in script) {
      return page(c, { title: t.nav[lang], status: 404, main: html`<header class="page-head"><h1>${t.title[lang]}</h1><p class="error" role="alert">${script.missing}</p></header>` });
    }
    const origin = linkOrigin(c, config);
    const snippet = appSnippet({ scriptUrl: `${origin}/${script.current.name}`, integrity: script.current.integrity, origin });
    return page(c, {
      title: t.nav[lang],
      scripts: ['snippet'],
      styles: ['snippet'],
      main: html`
<header class="page-head"><h1>${t.title[lang]}</h1><p class="muted">${t.lead[lang]}</p></header>
<div class="snippet-layout">
  <section class="card snippet-code" aria-labelledby="code-title">
    <h2 id="code-title">${t.code[lang]}</h2>
    <p class="muted">${t.oneTag[lang]}</p>
    <pre><code id="snippet">${snippet}</code></pre>
    <div class="copy-row"><button type="button" id="copy">${t.copy[lang]}</button><span id="copied" role="status" class="muted"></span></div>
    <p class="muted small">${t.surveys[lang]}</p>
    <p class="muted small">${t.pinned[lang].replace('{version}', script.version)}</p>
  </section>
  <form class="card stack" id="snippet-builder" aria-label="${t.siteCheck[lang]}" data-allowed-origins="${config.allowedOrigins.join(',')}">
    <div class="field"><label for="site">${t.site[lang]}</label>
      <input id="site" name="site" type="url" inputmode="url" spellcheck="false" placeholder="https://shop.example" value="${config.allowedOrigins[0] ?? ''}" aria-describedby="site-hint site-note">
      <p class="muted small" id="site-hint">${t.siteHint[lang]}</p>
      <p class="small" id="site-note" role="status"></p></div>
  </form>
</div>`,
    });
  });
}
