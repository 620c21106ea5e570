import { html } from 'hono/html';
import type { FieldProblem } from '../shell/field-problems';
import type { Html } from '../shell/page';
import { withFields } from './link-fields';
import type { LinkLocale } from './link-texts';
import { allowedLinkKeys, type LinkSurvey } from './link-survey';
import { linksWords as words } from './links-words';
import { loopbackWarning } from './loopback-address';
import { oneTapWords } from '../one-tap/one-tap-words';
import { surveyForm, surveyFormValues, type SurveyFormValues } from './links-page';

export interface LinkBuilderInput {
  lang: LinkLocale;
  survey: LinkSurvey;
  /** The field values the owner filled in (only the survey's allowed keys). */
  fields: Record<string, string>;
  /** Keys whose value was refused (and left out of the link). */
  badFields: string[];
  link: string;
  /** This app's public address (the link's base, for the page's script). */
  publicUrl: string;
  /** `?branch=…&table=…` of the valid fields, for the QR and print addresses. */
  query: string;
  isOwner: boolean;
  /** The settings form after a failed save: what the owner typed, and what was wrong. */
  edit?: { values: SurveyFormValues; problems: FieldProblem[] };
  saved?: boolean;
}

/**
 * `/links/<id>`: a form with the survey's link fields (a GET form: filling it in and pressing
 * Update shows the new link, QR code and printables), the link to copy, the QR code with its SVG
 * and PNG downloads, the poster and table tent, and for the owner the survey's settings.
 */
export function linkBuilderPage(input: LinkBuilderInput): Html {
  const { lang, survey, fields, badFields, link, query, isOwner, publicUrl } = input;
  const keys = allowedLinkKeys(survey);
  const base = `/links/${survey.id}`;
  // `data-path` and `data-extra` let the page's script rebuild each address as the fields change.
  const fieldLink = (path: string, extra = '') => html`href="${withFields(path, query, extra)}" data-path="${path}" data-extra="${extra}"`;
  return html`<p><a href="/links">← ${words.back[lang]}</a></p>
<h1>${words.linkFor[lang]}: <code>${survey.id}</code></h1>
${input.saved ? html`<p class="links-saved" role="status">${words.saved[lang]}</p>` : ''}
${loopbackWarning(lang, publicUrl)}
<div class="builder">
<form method="get" action="${base}" class="card links-form" aria-labelledby="fields-title" data-public-url="${publicUrl}" data-survey="${survey.id}"${survey.singleUse ? html` data-signed` : ''}>
<h2 id="fields-title">${words.fieldsTitle[lang]}</h2>
${keys.length === 0 ? html`<p>${words.noFields[lang]}</p>` : html`<p class="muted hint">${words.fieldsHint[lang]}</p>`}
${keys.map((key) => {
    const bad = badFields.includes(key);
    // The message is always in the page (hidden while the value is fine), so the page's script
    // can show it as the owner types.
    return html`<label for="field-${key}">${key}</label>
<input id="field-${key}" name="${key}" value="${fields[key] ?? ''}" maxlength="64" autocomplete="off"${bad ? html` aria-invalid="true" aria-describedby="field-${key}-error"` : ''}>
<p class="field-error" id="field-${key}-error"${bad ? '' : html` hidden`}>${words.badValue[lang]}</p>`;
  })}
${survey.singleUse ? html`<p class="muted hint">${words.orderNote[lang]}</p>` : ''}
${keys.length ? html`<button type="submit">${words.update[lang]}</button>` : ''}
</form>
<section class="card links-result" aria-labelledby="link-title">
<h2 id="link-title">${words.theLink[lang]}</h2>
<label for="the-link" class="sr-only">${words.theLink[lang]}</label>
<textarea id="the-link" class="the-link" rows="2" readonly aria-describedby="the-link-hint">${link}</textarea>
<p class="copy-row"><button type="button" class="button secondary" data-copy="the-link" data-copied="${words.copied[lang]}" hidden>${words.copy[lang]}</button> <span class="copy-status" role="status"></span></p>
<p class="muted hint" id="the-link-hint">${words.linkHint[lang]} <a id="open-link" href="${link}" target="_blank" rel="noopener">${words.tryIt[lang]}</a></p>
<h2>${words.qr[lang]}</h2>
<img class="qr" id="qr-image" src="${withFields(`${base}/qr.svg`, query)}" data-path="${base}/qr.svg" width="240" height="240" alt="${words.qrAlt[lang]} ${link}" data-alt="${words.qrAlt[lang]}">
<ul class="downloads">
<li><a ${fieldLink(`${base}/qr.svg`, 'download=1')} download="${survey.id}-qr.svg">${words.downloadSvg[lang]}</a></li>
<li><a ${fieldLink(`${base}/qr.png`, 'download=1')} download="${survey.id}-qr.png">${words.downloadPng[lang]}</a></li>
</ul>
<h2>${words.print[lang]}</h2>
<ul class="downloads">
<li><a ${fieldLink(`${base}/poster`, 'lang=en')} target="_blank">${words.posterEn[lang]}</a></li>
<li><a ${fieldLink(`${base}/poster`, 'lang=th')} target="_blank">${words.posterTh[lang]}</a></li>
<li><a ${fieldLink(`${base}/tent`, 'lang=en')} target="_blank">${words.tentEn[lang]}</a></li>
<li><a ${fieldLink(`${base}/tent`, 'lang=th')} target="_blank">${words.tentTh[lang]}</a></li>
</ul>
${isOwner ? html`<h2>${oneTapWords.open[lang]}</h2>
<p><a href="${base}/recipients">${oneTapWords.title[lang]}</a></p>` : ''}
</section>
</div>
${isOwner ? surveyForm(lang, input.edit?.values ?? surveyFormValues(survey), { existing: true, problems: input.edit?.problems }) : ''}`;
}
