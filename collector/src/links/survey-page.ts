import { logoPath } from '../site-settings/logo-path';
import { html } from 'hono/html';
import type { Html } from '../shell/page';
import type { IgnoredLinkField } from './link-context';
import { linkTexts, type LinkLocale } from './link-texts';
import type { LinkSurvey } from './link-survey';
import { shopStylesheetPath, type ShopLook } from '../site-settings/shop-look';
import { faviconHref } from '../shell/favicon';

/**
 * The SDK's script-tag bundle for the survey page. `_` can never start a survey id, so no survey
 * hides the files under `/s/_/`.
 */
/** The SDK's script-tag bundle, from the collector's script route (the same file every site loads). */
export const surveyPageSdkPath = '/hearback.min.js';

/** What the page's script hands the SDK (read from `data-hearback-link`; no inline script under the CSP). */
export interface SurveyPageConfig {
  endpoint: string;
  locale: LinkLocale;
  accent: string;
  debug: boolean;
  singleUse: boolean;
  survey: { id: string; type: LinkSurvey['type']; question?: string; mode: 'inline'; target: string };
  context: Record<string, string>;
  texts: { queued: string; sent: string; alreadyCounted: string };
}

export interface SurveyPageInput {
  survey: LinkSurvey;
  locale: LinkLocale;
  look: ShopLook;
  /** The answer endpoint (`<public URL>/api/responses`). */
  endpoint: string;
  /** The survey page's address with the other language (every other parameter kept). */
  switchHref: string;
  context: Record<string, string>;
  ignored: IgnoredLinkField[];
  debug: boolean;
  /**
   * What to show instead of the survey: a used single-use order, a single-use link without one,
   * or one whose fields are not signed by this app (made by hand, or changed).
   */
  blocked?: 'already-counted' | 'order-required' | 'not-signed';
}

/**
 * The public survey page: mobile-first, the shop's name and colour, a Thai/English switch, and the
 * SDK's own inline prompt (not a copy of its UI) in `#hearback-survey`, configured through a data
 * attribute so the page runs under `script-src 'self'` with no inline script or style.
 */
export function surveyPage(input: SurveyPageInput): Html {
  const { survey, locale, look } = input;
  const texts = linkTexts[locale];
  const other: LinkLocale = locale === 'th' ? 'en' : 'th';
  const config: SurveyPageConfig = {
    endpoint: input.endpoint,
    locale,
    accent: look.colour,
    debug: input.debug,
    singleUse: survey.singleUse,
    survey: { id: survey.id, type: survey.type, question: survey.question[locale] || undefined, mode: 'inline', target: '#hearback-survey' },
    context: { ...input.context, channel: 'link' },
    texts: { queued: texts.queued, sent: texts.sent, alreadyCounted: texts.alreadyCounted },
  };
  const blockedText = input.blocked === 'already-counted' ? texts.alreadyCounted
    : input.blocked === 'order-required' ? texts.orderRequired
    : input.blocked === 'not-signed' ? texts.notSigned : undefined;
  return publicPage(locale, look, {
    scripts: !blockedText,
    switchLink: html`<a class="switch" href="${input.switchHref}" lang="${other}" hreflang="${other}">${texts.switchTo}</a>`,
    main: html`${blockedText
      ? html`<p class="notice" role="status">${blockedText}</p>`
      : html`<div id="hearback-survey" data-hearback-link="${JSON.stringify(config)}"></div>
<p id="link-status" class="notice" role="status" hidden></p>
<noscript><p class="notice">${texts.noScript}</p></noscript>`}
${input.debug ? debugPanel(locale, config.context, input.ignored) : ''}`,
  });
}

/**
 * The frame of every public page under `/s/`: the shop's name on its colour, the page title, the
 * stylesheets (plus `styles`, by name under `/assets/`), and (for the survey itself) the SDK and
 * the page's script — all from this origin.
 */
export function publicPage(locale: LinkLocale, look: ShopLook, { scripts, switchLink, main, styles = [] }: { scripts: boolean; switchLink?: Html; main: Html; styles?: string[] }): Html {
  const texts = linkTexts[locale];
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="${faviconHref}">
<title>${look.shopName ? `${look.shopName} · ` : ''}${texts.pageTitle}</title>
<link rel="stylesheet" href="/assets/survey-link.css">
<link rel="stylesheet" href="${shopStylesheetPath}">
${styles.map((name) => html`<link rel="stylesheet" href="/assets/${name}.css">`)}
${scripts ? html`<script defer src="${surveyPageSdkPath}"></script>
<script type="module" src="/assets/survey-link.js"></script>` : ''}
</head>
<body>
<header class="bar">
<p class="shop">${look.hasLogo ? html`<img class="shop-logo" src="${logoPath}" alt="${look.shopName ? '' : locale === 'th' ? 'โลโก้ร้าน' : 'Shop logo'}">` : ''}${look.shopName}</p>
${switchLink ?? ''}
</header>
<main>
<h1>${texts.pageTitle}</h1>
${main}
</main>
</body>
</html>`;
}

/** `?debug=1`: what the link put into the context and what it left out, and why. */
function debugPanel(locale: LinkLocale, context: Record<string, string>, ignored: IgnoredLinkField[]) {
  const texts = linkTexts[locale];
  return html`<section class="debug" aria-labelledby="link-debug">
<h2 id="link-debug">${texts.debugTitle}</h2>
<p>${texts.debugUsed}:</p>
<ul>${Object.entries(context).map(([key, value]) => html`<li><code>${key}</code> = <code>${value}</code></li>`)}</ul>
<p>${texts.debugIgnored}:</p>
<ul>${ignored.map(({ key, reason }) => html`<li><code>${key}</code>: ${reason}</li>`)}</ul>
</section>`;
}

/** A survey that does not exist: a plain page in the visitor's language (with a 404). */
export function surveyNotFoundPage(locale: LinkLocale, look: ShopLook): Html {
  return publicPage(locale, look, { scripts: false, main: html`<p class="notice">${linkTexts[locale].notFound}</p>` });
}
