import { html } from 'hono/html';
import { surveyTypeRegistry } from 'hearback/receiver';
import { fieldFeedback, problemsBlock, type FieldProblem } from '../shell/field-problems';
import type { Html } from '../shell/page';
import type { LinkLocale } from './link-texts';
import { linkSurveyTypes, type LinkSurvey } from './link-survey';
import { linksWords as words } from './links-words';
import type { ShopLook } from '../site-settings/shop-look';

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

/**
 * The survey form (owner only): creates a survey, or changes the one whose id it carries. The id
 * cannot change once links are printed, so an existing survey's id is fixed. Each problem is listed
 * above the form (a link to its field) and said again under its field, which is marked invalid.
 */
export function surveyForm(lang: LinkLocale, values: SurveyFormValues, { existing, problems = [] }: { existing: boolean; problems?: FieldProblem[] }): Html {
  const prefix = existing ? 'edit' : 'new';
  const fieldId = (field: string) => `${prefix}-${field}`;
  const feedback = (field: string, hintId?: string) => fieldFeedback(problems, field, lang, { id: fieldId(field), hintId });
  const id = feedback('id', `${prefix}-id-hint`);
  const type = feedback('type');
  const questionEn = feedback('questionEn', `${prefix}-q-hint`);
  const questionTh = feedback('questionTh', `${prefix}-q-hint`);
  const keys = feedback('contextKeys', `${prefix}-keys-hint`);
  return html`<form method="post" action="/links/surveys" class="card links-form" aria-labelledby="${prefix}-title">
<h2 id="${prefix}-title">${existing ? words.edit[lang] : words.add[lang]}</h2>
${problemsBlock(problems, lang, fieldId)}
<label for="${prefix}-id">${words.id[lang]}</label>
${existing
    ? html`<input type="hidden" name="existing" value="on"><input id="${prefix}-id" name="id" value="${values.id}" readonly${id.attrs}>`
    : html`<input id="${prefix}-id" name="id" value="${values.id}" required pattern="[a-z0-9][a-z0-9\\-]{0,47}" autocomplete="off"${id.attrs}>`}
${id.message}
<p class="muted hint" id="${prefix}-id-hint">${words.idHint[lang]}</p>
<label for="${prefix}-type">${words.type[lang]}</label>
<select id="${prefix}-type" name="type"${type.attrs}>${linkSurveyTypes.map((t) => html`<option value="${t}"${t === values.type ? html` selected` : ''}>${surveyTypeRegistry[t].summary[lang]}</option>`)}</select>
${type.message}
<label for="${prefix}-questionEn">${words.questionEn[lang]}</label>
<input id="${prefix}-questionEn" name="questionEn" lang="en" value="${values.questionEn}" maxlength="300"${questionEn.attrs}>
${questionEn.message}
<label for="${prefix}-questionTh">${words.questionTh[lang]}</label>
<input id="${prefix}-questionTh" name="questionTh" lang="th" value="${values.questionTh}" maxlength="300"${questionTh.attrs}>
${questionTh.message}
<p class="muted hint" id="${prefix}-q-hint">${words.questionHint[lang]}</p>
<label for="${prefix}-contextKeys">${words.keys[lang]}</label>
<input id="${prefix}-contextKeys" name="contextKeys" value="${values.contextKeys}" autocomplete="off"${keys.attrs}>
${keys.message}
<p class="muted hint" id="${prefix}-keys-hint">${words.keysHint[lang]}</p>
<p class="check"><input type="checkbox" id="${prefix}-single" name="singleUse" value="on"${values.singleUse ? html` checked` : ''}> <label for="${prefix}-single">${words.singleUse[lang]}</label></p>
<button type="submit">${words.save[lang]}</button>
</form>`;
}

/** The shop's name and colour form (owner only). */
export function lookForm(lang: LinkLocale, look: ShopLook, problems: FieldProblem[] = []): Html {
  const fieldId = (field: string) => `look-${field}`;
  const name = fieldFeedback(problems, 'shopName', lang, { id: fieldId('shopName') });
  const colour = fieldFeedback(problems, 'colour', lang, { id: fieldId('colour') });
  return html`<form method="post" action="/links/look" class="card links-form" aria-labelledby="look-title">
<h2 id="look-title">${words.look[lang]}</h2>
<p class="muted hint">${words.lookHint[lang]}</p>
${problemsBlock(problems, lang, fieldId)}
<label for="look-shopName">${words.shopName[lang]}</label>
<input id="look-shopName" name="shopName" value="${look.shopName}" maxlength="80"${name.attrs}>
${name.message}
<label for="look-colour">${words.colour[lang]}</label>
<input id="look-colour" name="colour" type="color" value="${look.colour}"${colour.attrs}>
${colour.message}
<button type="submit">${words.saveLook[lang]}</button>
</form>`;
}

export interface LinksPageInput {
  lang: LinkLocale;
  surveys: LinkSurvey[];
  look: ShopLook;
  isOwner: boolean;
  /** The new-survey form after a failed save. */
  draft?: { values: SurveyFormValues; problems: FieldProblem[] };
  lookProblems?: FieldProblem[];
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
    : html`<div class="links-table-wrap"><table class="links-table stack-table">
<thead><tr><th scope="col">${words.id[lang]}</th><th scope="col">${words.type[lang]}</th><th scope="col">${words.keys[lang]}</th><th scope="col"><span class="sr-only">${words.open[lang]}</span></th>${isOwner ? html`<th scope="col"><span class="sr-only">${words.remove[lang]}</span></th>` : ''}</tr></thead>
<tbody>${surveys.map((survey) => html`<tr>
<th scope="row"><code>${survey.id}</code></th>
<td data-label="${words.type[lang]}">${survey.type.toUpperCase()}</td>
<td data-label="${words.keys[lang]}">${[...survey.contextKeys, ...(survey.singleUse ? [`order (${words.singleUseShort[lang]})`] : [])].join(', ') || '—'}</td>
<td class="links-action"><a href="/links/${survey.id}">${words.open[lang]}<span class="sr-only">: ${survey.id}</span></a></td>
${isOwner ? html`<td class="links-action"><a class="danger" href="/links/${survey.id}/delete">${words.remove[lang]}<span class="sr-only">: ${survey.id}</span></a></td>` : ''}
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
