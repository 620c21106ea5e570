import { html } from 'hono/html';
import type { Lang } from '../app-env';
import { fill } from '../shell/lang';
import type { RefusedSite } from './refused-sites';
import { siteText as t } from './site-text';

/**
 * Settings → Refused sites: "answers from https://… were refused 14 times today — allow this
 * site?", each with a one-click Allow (a same-origin POST, so the app's CSRF check covers it).
 * When the environment sets the allowed sites, the line says which variable to change instead.
 */
export function refusedSection({ lang, sites, lockedBy, timeZone }: { lang: Lang; sites: RefusedSite[]; lockedBy?: string; timeZone: string }) {
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return html`<section class="card" aria-labelledby="refused">
  <h2 id="refused">${t.refused[lang]}</h2>
  <p class="muted">${t.refusedLead[lang]}</p>
  <ul class="rows">${sites.length ? sites.map((site) => {
    const question = site.today === 1 ? fill(t.refusedTodayOnce[lang], { origin: site.origin })
      : site.today
      ? fill(t.refusedToday[lang], { origin: site.origin, count: site.today.toLocaleString(lang === 'th' ? 'th-TH' : 'en') })
      : fill(t.refusedEarlier[lang], { origin: site.origin, count: site.total.toLocaleString(lang === 'th' ? 'th-TH' : 'en'), when: when(site.lastAt) });
    return html`<li class="refused-site"><span>${question}</span>
    ${lockedBy ? html`<span class="small muted">${fill(t.allowLocked[lang], { name: lockedBy, origin: site.origin })}</span>`
      : html`<form method="post" action="/settings/sites/allow"><input type="hidden" name="origin" value="${site.origin}"><button type="submit" aria-label="${fill(t.allowLabel[lang], { origin: site.origin })}">${t.allow[lang]}</button></form>`}</li>`;
  }) : html`<li class="muted">${t.refusedNone[lang]}</li>`}
  </ul>
</section>`;
}
