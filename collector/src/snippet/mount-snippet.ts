import { html } from 'hono/html';
import type { App, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { linkOrigin } from '../http/own-origin';
import type { ScriptFiles, ScriptMissing } from '../script/script-files';
import { snippetText as t } from './snippet-text';

/**
 * The snippet builder, signed in: `GET /app/snippet` (menu entry "Snippet"). The page knows this
 * server's public address (`HEARBACK_PUBLIC_URL`, else the origin the page was opened on), the
 * pinned script and its SRI hash, and the allow list; `client/snippet.js` builds the snippet from
 * the form. `POST /app/snippet/preview` takes the live preview's answers and drops them.
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
    const option = (value: string, label: string, selected = false) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
    return page(c, {
      title: t.nav[lang],
      scripts: ['snippet'],
      styles: ['snippet'],
      main: html`
<header class="page-head"><h1>${t.title[lang]}</h1><p class="muted">${t.lead[lang]}</p></header>
<div class="snippet-layout">
  <form class="card stack" id="snippet-builder" aria-label="${t.settings[lang]}"
        data-script-url="${origin}/${script.current.name}" data-integrity="${script.current.integrity}"
        data-endpoint="${origin}/api/responses" data-preview-endpoint="${origin}/app/snippet/preview"
        data-allowed-origins="${config.allowedOrigins.join(',')}">
    <div class="field"><label for="site">${t.site[lang]}</label>
      <input id="site" name="site" type="url" inputmode="url" spellcheck="false" placeholder="https://shop.example" value="${config.allowedOrigins[0] ?? ''}" aria-describedby="site-hint site-note">
      <p class="muted small" id="site-hint">${t.siteHint[lang]}</p>
      <p class="small" id="site-note" role="status"></p></div>
    <div class="field"><label for="type">${t.type[lang]}</label>
      <select id="type" name="type">${option('nps', t.nps[lang])}${option('csat', t.csat[lang], true)}${option('ces', t.ces[lang])}</select></div>
    <div class="field"><label for="survey">${t.survey[lang]}</label>
      <input id="survey" name="survey" value="csat" maxlength="64" pattern="[A-Za-z0-9_.:\\-]+" spellcheck="false" aria-describedby="survey-hint">
      <p class="muted small" id="survey-hint">${t.surveyHint[lang]}</p></div>
    <div class="field"><label for="trigger">${t.trigger[lang]}</label>
      <select id="trigger" name="trigger">${(['delay', 'event', 'scroll', 'exitIntent', 'pageViews'] as const).map((kind) => option(kind, t[kind][lang], kind === 'delay'))}</select></div>
    <div class="field" id="trigger-value-field"><label for="trigger-value" id="trigger-value-label">${t.triggerValue[lang]}</label>
      <input id="trigger-value" name="triggerValue" value="5" inputmode="numeric" spellcheck="false">
      <p class="muted small" id="event-hint"></p></div>
    <div class="field"><label for="lang">${t.lang[lang]}</label>
      <select id="lang" name="lang">${option('auto', t.langAuto[lang])}${option('en', 'English')}${option('th', 'ไทย (Thai)')}</select></div>
    <div class="row">
      <div class="field"><label for="accent">${t.accent[lang]}</label><input id="accent" name="accent" type="color" value="#2563eb"></div>
      <div class="field"><label for="style">${t.style[lang]}</label>
        <select id="style" name="style">${option('numbers', t.numbers[lang])}${option('smileys', t.smileys[lang])}</select></div>
    </div>
    <div class="field"><label for="position">${t.position[lang]}</label>
      <select id="position" name="position">${option('bottom-right', t.bottomRight[lang])}${option('bottom-left', t.bottomLeft[lang])}${option('center', t.center[lang])}</select></div>
    <button class="secondary" type="button" id="preview">${t.preview[lang]}</button>
  </form>
  <section class="card snippet-code" aria-labelledby="code-title">
    <h2 id="code-title">${t.code[lang]}</h2>
    <p class="muted" id="snippet-form"></p>
    <pre><code id="snippet"></code></pre>
    <div class="copy-row"><button type="button" id="copy">${t.copy[lang]}</button><span id="copied" role="status" class="muted"></span></div>
    <p class="muted small">${t.pinned[lang].replace('{version}', script.version)}</p>
  </section>
</div>
<script async src="/${script.plain.name}"></script>`,
    });
  });
}
