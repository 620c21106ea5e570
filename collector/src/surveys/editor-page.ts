import { html, raw } from 'hono/html';
import { contactWays, surveyTypeRegistry, surveyTypes } from 'hearback/receiver';
import type { Lang } from '../app-env';
import { fieldFeedback, problemsBlock, type FieldProblem } from '../shell/field-problems';
import { fill, type Localized } from '../shell/lang';
import type { Html } from '../shell/page';
import { bands, modes, positions, type EditorFields } from './editor-form';
import { editorText as t } from './editor-text';
import type { EditorSurvey, HistoryEntry } from './survey-store';
import { surveyTemplates } from './templates';

const fieldId = (field: string) => `f-${field.replaceAll('.', '-')}`;
const label = (field: string): Localized => (t.fields as Record<string, Localized>)[field];
const stateOf = (survey: EditorSurvey): Localized =>
  survey.live === null ? t.draft : JSON.stringify(survey.live) === JSON.stringify(survey.draft) ? t.live : t.liveChanged;

/** The list of surveys, the templates to start from, and where link surveys live. */
export function surveyListPage({ lang, surveys, isOwner, notice }: { lang: Lang; surveys: EditorSurvey[]; isOwner: boolean; notice?: Localized }): Html {
  return html`
<header class="page-head"><h1>${t.title[lang]}</h1><p class="muted">${t.intro[lang]}</p></header>
${notice ? html`<p class="notice" role="status">${notice[lang]}</p>` : ''}
<section class="card" aria-labelledby="list-title">
  <h2 id="list-title">${t.listCaption[lang]}</h2>
  ${surveys.length ? html`<table class="stack-table surveys-table">
    <thead><tr><th scope="col">${t.colSurvey[lang]}</th><th scope="col">${t.colType[lang]}</th><th scope="col">${t.colWhere[lang]}</th><th scope="col">${t.colState[lang]}</th></tr></thead>
    <tbody>${surveys.map((survey) => html`<tr>
      <th scope="row"><a href="/app/surveys/${survey.id}">${survey.id}</a></th>
      <td data-label="${t.colType[lang]}">${surveyTypeRegistry[survey.draft.type].label[lang]}</td>
      <td data-label="${t.colWhere[lang]}">${t.modes[survey.draft.mode ?? 'popup'][lang]}</td>
      <td data-label="${t.colState[lang]}"><span class="state" data-state="${survey.live ? 'live' : 'draft'}">${stateOf(survey)[lang]}</span></td></tr>`)}</tbody>
  </table>` : html`<p class="muted">${t.none[lang]}</p>`}
  ${isOwner ? html`<h3>${t.templates[lang]}</h3><ul class="template-list">${Object.keys(surveyTemplates).map((name) =>
    html`<li><a class="button secondary" href="/app/surveys/new?template=${name}">${t.templateNames[name as keyof typeof t.templateNames][lang]}</a></li>`)}</ul>` : ''}
</section>
<section class="card" aria-labelledby="links-title">
  <h2 id="links-title">${t.linkSurveys[lang]}</h2>
  <p class="muted">${t.linkSurveysHint[lang]}</p>
  <p><a href="/links">${t.openLinks[lang]}</a></p>
</section>`;
}

export interface EditorPageInput {
  lang: Lang;
  fields: EditorFields;
  /** The saved survey (absent for a new one). */
  survey?: EditorSurvey;
  history: HistoryEntry[];
  problems: FieldProblem[];
  isOwner: boolean;
  notice?: Localized;
  /** The shop's time zone (`HEARBACK_TIMEZONE`), for the history's times. */
  timeZone: string;
}

/** The editor: the form (read-only for staff), publish controls, the live preview and the history. */
export function surveyEditorPage(input: EditorPageInput): Html {
  const { lang, fields, survey, problems, isOwner, notice } = input;
  const value = (name: string) => fields[name] ?? '';
  const feedback = (name: string, hintId?: string) => fieldFeedback(problems, name, lang, { id: fieldId(name), hintId });
  const input_ = (name: string, attrs = '', hint?: Localized) => {
    const f = feedback(name, hint ? `${fieldId(name)}-hint` : undefined);
    return html`<div class="field"><label for="${fieldId(name)}">${label(name)[lang]}</label>
      <input id="${fieldId(name)}" name="${name}" value="${value(name)}"${raw(attrs)}${f.attrs}>
      ${hint ? html`<p class="muted small" id="${fieldId(name)}-hint">${hint[lang]}</p>` : ''}${f.message}</div>`;
  };
  const textArea = (name: string, labelText: Localized, rows = 2) => {
    const f = feedback(name);
    return html`<div class="field"><label for="${fieldId(name)}">${labelText[lang]}</label>
      <textarea id="${fieldId(name)}" name="${name}" rows="${rows}"${f.attrs}>${value(name)}</textarea>${f.message}</div>`;
  };
  const select = (name: string, options: [string, string][]) => {
    const f = feedback(name);
    return html`<div class="field"><label for="${fieldId(name)}">${label(name)[lang]}</label>
      <select id="${fieldId(name)}" name="${name}"${f.attrs}>${options.map(([v, text]) => html`<option value="${v}"${v === value(name) ? raw(' selected') : ''}>${text}</option>`)}</select>${f.message}</div>`;
  };
  const check = (name: string, text = label(name)) => {
    const f = feedback(name);
    return html`<div class="field check"><input id="${fieldId(name)}" name="${name}" type="checkbox"${value(name) === 'on' ? raw(' checked') : ''}${f.attrs}><label for="${fieldId(name)}">${text[lang]}</label>${f.message}</div>`;
  };
  const editing = survey !== undefined;
  const title = editing ? survey.id : t.newTitle[lang];
  return html`
<header class="page-head"><p><a href="/app/surveys">← ${t.back[lang]}</a></p><h1>${title}</h1>
${survey ? html`<p><span class="state" data-state="${survey.live ? 'live' : 'draft'}">${stateOf(survey)[lang]}</span></p>` : ''}</header>
${notice ? html`<p class="notice" role="status">${notice[lang]}</p>` : ''}
${!isOwner ? html`<p class="muted" role="note">${t.readOnly[lang]}</p>` : ''}
${survey && survey.live && JSON.stringify(survey.live) !== JSON.stringify(survey.draft) ? html`<p class="pending" role="note">${t.pending[lang]}</p>` : ''}
${problemsBlock(problems, lang, fieldId)}
<div class="editor-layout">
<form class="editor-form" id="survey-form" method="post" action="/app/surveys" novalidate>
<fieldset class="card"${isOwner ? '' : raw(' disabled')}>
  <legend>${t.basics[lang]}</legend>
  ${editing ? html`<input type="hidden" name="existing" value="on">` : ''}
  ${input_('id', ` maxlength="64" spellcheck="false" autocomplete="off"${editing ? ' readonly' : ''}`, t.hints.id)}
  ${select('type', surveyTypes.map((type) => [type, surveyTypeRegistry[type].summary[lang]]))}
  ${select('style', [['numbers', t.styles.numbers[lang]], ['smileys', t.styles.smileys[lang]]])}
  ${select('mode', modes.map((mode) => [mode, t.modes[mode][lang]]))}
  ${input_('target', ' spellcheck="false" placeholder="#feedback"')}
</fieldset>
<fieldset class="card"${isOwner ? '' : raw(' disabled')}>
  <legend>${t.wording[lang]}</legend>
  <p class="muted small">${t.wordingHint[lang]}</p>
  ${textArea('question.en', label('question.en'))}
  <div lang="th">${textArea('question.th', label('question.th'))}</div>
  ${select('followUp', [['ask', t.followUpChoices.ask[lang]], ['skip', t.followUpChoices.skip[lang]]])}
  <h3>${t.perBand[lang]}</h3>
  ${bands.map((band) => html`<fieldset class="band"><legend>${t.bands[band][lang]}</legend>
    ${textArea(`followUp.${band}.en`, t.fields.followUpEn, 1)}${textArea(`followUp.${band}.th`, t.fields.followUpTh, 1)}
    ${textArea(`thankYou.${band}.en`, t.fields.thankYouEn, 1)}${textArea(`thankYou.${band}.th`, t.fields.thankYouTh, 1)}</fieldset>`)}
  ${textArea('reasons', label('reasons'), 4)}
</fieldset>
<fieldset class="card"${isOwner ? '' : raw(' disabled')}>
  <legend>${t.contactSection[lang]}</legend>
  ${check('askContact')}
  <fieldset class="ways"><legend>${t.fields.contactWays[lang]}</legend>${contactWays.map((way) => check(`contact.${way}`))}</fieldset>
  ${input_('reviewUrl', ' type="url" inputmode="url" spellcheck="false" placeholder="https://g.page/r/…/review"', t.hints.reviewUrl)}
  ${input_('reviewLabel.en')}${input_('reviewLabel.th')}
</fieldset>
<fieldset class="card"${isOwner ? '' : raw(' disabled')}>
  <legend>${t.whenSection[lang]}</legend>
  <p class="muted small">${t.whenHint[lang]}</p>
  ${input_('trigger.delay', ' inputmode="numeric"')}${input_('trigger.event', ' spellcheck="false"')}${input_('trigger.url', ' spellcheck="false"')}
  ${input_('trigger.scroll', ' inputmode="numeric"')}${check('trigger.exitIntent')}${input_('trigger.pageViews', ' inputmode="numeric"')}
  ${input_('trigger.selector', ' spellcheck="false"')}
  <h3>${t.howOften[lang]}</h3>
  ${input_('cooldownDays', ' inputmode="numeric"')}${input_('sampleRate', ' inputmode="decimal"', t.hints.sampleRate)}${input_('kioskIdle', ' inputmode="numeric"')}
</fieldset>
<fieldset class="card"${isOwner ? '' : raw(' disabled')}>
  <legend>${t.lookSection[lang]}</legend>
  <p class="muted small">${t.lookHint[lang]}</p>
  ${input_('accent', ' type="color"')}
  ${select('position', positions.map((p) => [p, t.positions[p][lang]]))}
</fieldset>
${isOwner ? html`<div class="editor-actions"><button class="button" type="submit">${t.save[lang]}</button></div>` : ''}
</form>
<aside class="card editor-preview" aria-labelledby="preview-title">
  <h2 id="preview-title">${t.preview[lang]}</h2>
  <p class="muted small">${t.previewHint[lang]}</p>
  <div class="preview-controls">
    <fieldset><legend>${t.previewLang[lang]}</legend>
      <label><input type="radio" name="preview-lang" value="en"${lang === 'en' ? raw(' checked') : ''}> English</label>
      <label lang="th"><input type="radio" name="preview-lang" value="th"${lang === 'th' ? raw(' checked') : ''}> ไทย</label></fieldset>
    <fieldset><legend>${t.previewWidth[lang]}</legend>
      <label><input type="radio" name="preview-width" value="phone" checked> ${t.phone[lang]}</label>
      <label><input type="radio" name="preview-width" value="desktop"> ${t.desktop[lang]}</label></fieldset>
    <button class="button secondary" type="button" id="preview-again">${t.showAgain[lang]}</button>
  </div>
  <p class="small" id="preview-status" role="status"></p>
  <div class="preview-stage" data-width="phone"><iframe id="preview-frame" title="${t.previewFrame[lang]}" src="/app/surveys/preview"></iframe></div>
</aside>
</div>
${survey ? html`<section class="card" aria-labelledby="publish-title">
  <h2 id="publish-title" class="sr-only">${t.publish[lang]}</h2>
  ${isOwner ? html`<div class="publish-row">
    <form method="post" action="/app/surveys/${survey.id}/publish"><button class="button" type="submit">${t.publish[lang]}</button></form>
    ${survey.live ? html`<form method="post" action="/app/surveys/${survey.id}/unpublish"><button class="button secondary" type="submit">${t.unpublish[lang]}</button></form>` : ''}
    <form method="post" action="/app/surveys/${survey.id}/delete"><button class="button secondary danger" type="submit">${t.remove[lang]}</button></form>
  </div>` : ''}
</section>
<section class="card" aria-labelledby="history-title">
  <h2 id="history-title">${t.history[lang]}</h2>
  ${input.history.length ? html`<ul class="rows">${input.history.map((entry) => html`<li><span><strong>${t.actions[entry.action][lang]}</strong>${entry.fields.length ? html` <span class="muted">(${entry.fields.map((part) => t.parts[part]?.[lang] ?? part).join(', ')})</span>` : ''}</span>
    <span class="muted small">${entry.by} · <time datetime="${entry.at.toISOString()}">${entry.at.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: input.timeZone })}</time></span></li>`)}</ul>` : html`<p class="muted">${t.noHistory[lang]}</p>`}
</section>` : ''}`;
}

/** Confirming a delete (owner). */
export const deletePrompt = (lang: Lang, id: string) => fill(t.confirmRemove[lang], { id });
