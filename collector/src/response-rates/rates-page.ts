import { html } from 'hono/html';
import type { Lang } from '../app-env';
import { fill, type Localized } from '../shell/lang';
import type { LiveSurvey, RateRow } from './response-rates';
import { ratesText as t } from './rates-text';

export const periodChoices = [7, 30, 90] as const;

export interface RatesPageInput {
  lang: Lang;
  rows: RateRow[];
  live: LiveSurvey[];
  days: number;
  survey?: string;
  by?: string;
  /** Surveys to choose from, and context keys to break down by. */
  surveys: string[];
  keys: string[];
  timeZone: string;
  /** The owner's names for context keys and values (Settings → names). */
  labels: { key(key: string, lang: Lang): string; value(key: string, value: string, lang: Lang): string };
}

const channelNames: Record<string, Localized> = { web: t.web, kiosk: t.kiosk, link: t.link, line: t.line, email: t.email, sms: t.sms };

/** The response-rate view: shown → answered → commented per survey, channel and context value, and the surveys live on the website. */
export function ratesPage({ lang, rows, live, days, survey, by, surveys, keys, timeZone, labels }: RatesPageInput) {
  const locale = lang === 'th' ? 'th-TH' : 'en';
  const count = (n: number) => n.toLocaleString(locale);
  const percent = (rate: number | null) => (rate === null ? '—' : rate.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 }));
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }) : t.never[lang]);
  const channel = (name: string) => channelNames[name]?.[lang] ?? labels.value('channel', name, lang);
  const selected = (yes: boolean) => (yes ? html` selected` : '');
  return html`<h1>${t.title[lang]}</h1>
<p class="muted">${t.lead[lang]}</p>
<form method="get" action="/response-rates" class="card inline-form rates-filters">
  <div><label for="rates-days">${t.period[lang]}</label><select id="rates-days" name="days">${periodChoices.map((choice) => html`<option value="${choice}"${selected(choice === days)}>${fill(t.lastDays[lang], { days: choice })}</option>`)}</select></div>
  <div><label for="rates-survey">${t.survey[lang]}</label><select id="rates-survey" name="survey"><option value="">${t.allSurveys[lang]}</option>${surveys.map((id) => html`<option value="${id}"${selected(id === survey)}>${id}</option>`)}</select></div>
  <div><label for="rates-by">${t.by[lang]}</label><select id="rates-by" name="by"><option value="">${t.byChannel[lang]}</option>${keys.map((key) => html`<option value="${key}"${selected(key === by)}>${labels.key(key, lang)}</option>`)}</select></div>
  <button type="submit">${t.show[lang]}</button>
</form>
<section class="card" aria-labelledby="rates-table-title">
  <h2 id="rates-table-title">${survey ?? t.allSurveys[lang]} · ${fill(t.lastDays[lang], { days })}</h2>
  ${rows.length ? html`<div class="rates-wrap"><table class="rates-table stack-table">
    <thead><tr><th scope="col">${t.survey[lang]}</th><th scope="col">${t.channel[lang]}</th>${by ? html`<th scope="col">${labels.key(by, lang)}</th>` : ''}
      <th scope="col">${t.shown[lang]}</th><th scope="col">${t.answered[lang]}</th><th scope="col">${t.commented[lang]}</th>
      <th scope="col">${t.leftAtScore[lang]}</th><th scope="col">${t.leftAtFollowUp[lang]}</th></tr></thead>
    <tbody>${rows.map((row) => html`<tr>
      <th scope="row" data-label="${t.survey[lang]}">${row.survey}</th>
      <td data-label="${t.channel[lang]}">${channel(row.channel)}</td>
      ${by ? html`<td data-label="${labels.key(by, lang)}">${labels.value(by, row.value ?? '', lang)}</td>` : ''}
      <td data-label="${t.shown[lang]}">${row.shown ? count(row.shown) : html`<span class="muted">${t.notReported[lang]}</span>`}</td>
      <td data-label="${t.answered[lang]}">${count(row.answered)}${row.answeredRate === null ? '' : html` <span class="muted">(${fill(t.ofShown[lang], { rate: percent(row.answeredRate) })})</span>`}</td>
      <td data-label="${t.commented[lang]}">${count(row.commented)}${row.commentedRate === null ? '' : html` <span class="muted">(${fill(t.ofAnswered[lang], { rate: percent(row.commentedRate) })})</span>`}</td>
      <td data-label="${t.leftAtScore[lang]}">${row.shown ? count(row.leftAtScore) : '—'}</td>
      <td data-label="${t.leftAtFollowUp[lang]}">${count(row.leftAtFollowUp)}</td>
    </tr>`)}</tbody></table></div>` : html`<p class="muted">${t.none[lang]}</p>`}
  <p class="small muted">${t.howTo[lang]}</p>
</section>
<section class="card" aria-labelledby="rates-live-title">
  <h2 id="rates-live-title">${t.live[lang]}</h2>
  <p class="muted">${t.liveLead[lang]}</p>
  ${live.length ? html`<div class="rates-wrap"><table class="rates-table stack-table">
    <thead><tr><th scope="col">${t.survey[lang]}</th><th scope="col">${t.shown[lang]}</th><th scope="col">${t.answered[lang]}</th><th scope="col">${t.rate[lang]}</th><th scope="col">${t.lastAnswer[lang]}</th></tr></thead>
    <tbody>${live.map((item) => html`<tr>
      <th scope="row" data-label="${t.survey[lang]}"><a href="/response-rates?days=${days}&survey=${encodeURIComponent(item.survey)}">${item.survey}</a></th>
      <td data-label="${t.shown[lang]}">${count(item.shown)}</td>
      <td data-label="${t.answered[lang]}">${count(item.answered)}</td>
      <td data-label="${t.rate[lang]}">${percent(item.answeredRate)}</td>
      <td data-label="${t.lastAnswer[lang]}">${when(item.lastAnswerAt)}</td>
    </tr>`)}</tbody></table></div>` : html`<p class="muted">${t.noLive[lang]}</p>`}
</section>`;
}
