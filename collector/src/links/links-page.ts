import { html } from 'hono/html';
import type { Html } from '../shell/page';
import type { LinkLocale } from './link-texts';
import { linkSurveyTypes, type LinkSurvey } from './link-survey';
import { linksWords as words } from './links-words';
import type { ShopLook } from './shop-look';

/** What the survey form shows: a saved survey, or what the owner typed with its problems. */
export interface SurveyFormValues {
  id: string;
  type: string;
  questionEn: string;
  questionTh: string;
  contextKeys: string;
  singleUse: boolean;
}

export function surveyFormValues(survey?: LinkSurvey): SurveyFormValues {
  return {
    id: survey?.id ?? '',
    type: survey?.type ?? 'csat',
    questionEn: survey?.question.en ?? '',
    questionTh: survey?.question.th ?? '',
    contextKeys: survey?.contextKeys.join(', ') ?? '',
    singleUse: survey?.singleUse ?? false,
  };
}

export function problemList(lang: LinkLocale, problems: string[] | undefined): Html | '' {
  if (!problems?.length) return '';
  return html`<div class="error links-problems" role="alert"><p>${words.problems[lang]}</p><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>`;
}

/**
 * The survey form (owner only): creates a survey, or changes the one whose id it carries. The id
 * cannot change once links are printed, so an existing survey's id is fixed.
 */
export function surveyForm(lang: LinkLocale, values: SurveyFormValues, { existing, problems }: { existing: boolean; problems?: string[] }): Html {
  const prefix = existing ? 'edit' : 'new';
  return html`<form method="post" action="/links/surveys" class="card links-form" aria-labelledby="${prefix}-title">
<h2 id="${prefix}-title">${existing ? words.edit[lang] : words.add[lang]}</h2>
${problemList(lang, problems)}
<label for="${prefix}-id">${words.id[lang]}</label>
${existing
    ? html`<input type="hidden" name="existing" value="on"><input id="${prefix}-id" name="id" value="${values.id}" readonly aria-describedby="${prefix}-id-hint">`
    : html`<input id="${prefix}-id" name="id" value="${values.id}" required pattern="[a-z0-9][a-z0-9\\-]{0,47}" autocomplete="off" aria-describedby="${prefix}-id-hint">`}
<p class="muted hint" id="${prefix}-id-hint">${words.idHint[lang]}</p>
<label for="${prefix}-type">${words.type[lang]}</label>
<select id="${prefix}-type" name="type">${linkSurveyTypes.map((type) => html`<option value="${type}"${type === values.type ? html` selected` : ''}>${words.types[type][lang]}</option>`)}</select>
<label for="${prefix}-qen">${words.questionEn[lang]}</label>
<input id="${prefix}-qen" name="questionEn" lang="en" value="${values.questionEn}" maxlength="300" aria-describedby="${prefix}-q-hint">
<label for="${prefix}-qth">${words.questionTh[lang]}</label>
<input id="${prefix}-qth" name="questionTh" lang="th" value="${values.questionTh}" maxlength="300" aria-describedby="${prefix}-q-hint">
<p class="muted hint" id="${prefix}-q-hint">${words.questionHint[lang]}</p>
<label for="${prefix}-keys">${words.keys[lang]}</label>
<input id="${prefix}-keys" name="contextKeys" value="${values.contextKeys}" autocomplete="off" aria-describedby="${prefix}-keys-hint">
<p class="muted hint" id="${prefix}-keys-hint">${words.keysHint[lang]}</p>
<p class="check"><input type="checkbox" id="${prefix}-single" name="singleUse" value="on"${values.singleUse ? html` checked` : ''}> <label for="${prefix}-single">${words.singleUse[lang]}</label></p>
<button type="submit">${words.save[lang]}</button>
</form>`;
}

/** The shop's name and colour form (owner only). */
export function lookForm(lang: LinkLocale, look: ShopLook, problems?: string[]): Html {
  return html`<form method="post" action="/links/look" class="card links-form" aria-labelledby="look-title">
<h2 id="look-title">${words.look[lang]}</h2>
<p class="muted hint">${words.lookHint[lang]}</p>
${problemList(lang, problems)}
<label for="look-name">${words.shopName[lang]}</label>
<input id="look-name" name="shopName" value="${look.shopName}" maxlength="80">
<label for="look-colour">${words.colour[lang]}</label>
<input id="look-colour" name="colour" type="color" value="${look.colour}">
<button type="submit">${words.saveLook[lang]}</button>
</form>`;
}

export interface LinksPageInput {
  lang: LinkLocale;
  surveys: LinkSurvey[];
  look: ShopLook;
  isOwner: boolean;
  /** The new-survey form after a failed save. */
  draft?: { values: SurveyFormValues; problems: string[] };
  lookProblems?: string[];
  saved?: boolean;
}

/** `/links`: every link survey, and for the owner the forms to add one and to set the shop's look. */
export function linksPage({ lang, surveys, look, isOwner, draft, lookProblems, saved }: LinksPageInput): Html {
  return html`<h1>${words.title[lang]}</h1>
<p class="lead">${words.intro[lang]}</p>
${saved ? html`<p class="links-saved" role="status">${words.saved[lang]}</p>` : ''}
<section aria-labelledby="surveys-title">
<h2 id="surveys-title">${words.surveys[lang]}</h2>
${surveys.length === 0
    ? html`<p>${words.none[lang]}</p>`
    : html`<div class="links-table-wrap"><table class="links-table">
<thead><tr><th scope="col">${words.id[lang]}</th><th scope="col">${words.type[lang]}</th><th scope="col">${words.keys[lang]}</th><th scope="col"><span class="sr-only">${words.open[lang]}</span></th>${isOwner ? html`<th scope="col"><span class="sr-only">${words.remove[lang]}</span></th>` : ''}</tr></thead>
<tbody>${surveys.map((survey) => html`<tr>
<td><code>${survey.id}</code></td>
<td>${survey.type.toUpperCase()}</td>
<td>${[...survey.contextKeys, ...(survey.singleUse ? [`order (${words.singleUseShort[lang]})`] : [])].join(', ') || '—'}</td>
<td><a href="/links/${survey.id}">${words.open[lang]}<span class="sr-only">: ${survey.id}</span></a></td>
${isOwner ? html`<td><a class="danger" href="/links/${survey.id}/delete">${words.remove[lang]}<span class="sr-only">: ${survey.id}</span></a></td>` : ''}
</tr>`)}</tbody></table></div>`}
</section>
${isOwner
    ? html`<div class="links-forms">${surveyForm(lang, draft?.values ?? surveyFormValues(), { existing: false, problems: draft?.problems })}
${lookForm(lang, look, lookProblems)}</div>`
    : html`<p class="muted hint">${words.ownerOnly[lang]}</p>`}`;
}

/**
 * The step before deleting a survey (owner only): says what happens to printed links and to the
 * answers, so one click cannot break the QR codes on every table.
 */
export function deleteSurveyPage(lang: LinkLocale, survey: LinkSurvey): Html {
  return html`<h1>${words.removeTitle[lang]} <code>${survey.id}</code>?</h1>
<div class="card links-form">
<p>${words.removeWarning[lang]}</p>
<form method="post" action="/links/surveys/${survey.id}/delete" class="delete-row">
<button type="submit" class="danger-button">${words.removeConfirm[lang]}</button>
<a href="/links/${survey.id}">${words.cancel[lang]}</a>
</form>
</div>`;
}
