import { html } from 'hono/html';
import type { Lang } from '../app-env';
import type { ContextLabel } from '../context-labels/context-labels';
import { fieldFeedback, problemsBlock, type FieldProblem } from '../shell/field-problems';
import { fill } from '../shell/lang';
import { settingsText as t } from './settings-text';

/** What the names form holds: as typed, with its problems after a failed save. */
export type ContextLabelValues = ContextLabel;

const limits = { key: 100, value: 500, name: 80 };

/** Checks the form: a key, an optional value, and a name in at least one language. */
export function parseContextLabelForm(fields: Record<string, string>): { label: ContextLabel } | { problems: FieldProblem[]; values: ContextLabelValues } {
  const values = {
    key: (fields.key ?? '').trim(), value: (fields.value ?? '').trim().normalize('NFC'),
    en: (fields.en ?? '').trim().normalize('NFC'), th: (fields.th ?? '').trim().normalize('NFC'),
  };
  const problems: FieldProblem[] = [];
  if (!values.key || values.key.length > limits.key) problems.push({ field: 'key', label: t.labelKey, message: t.labelKeyProblem });
  if ([...values.value].length > limits.value) problems.push({ field: 'value', label: t.labelValue, message: t.labelValueProblem });
  if (!values.en && !values.th) problems.push({ field: 'th', label: t.labelTh, message: t.labelNameNeeded });
  for (const lang of ['en', 'th'] as const) {
    if ([...values[lang]].length > limits.name) problems.push({ field: lang, label: lang === 'en' ? t.labelEn : t.labelTh, message: t.labelNameLong });
  }
  return problems.length ? { problems, values } : { label: values };
}

/**
 * The settings section where the owner names context keys and values in Thai and English; the
 * names show in the filters, the breakdown and each answer's facts (exports keep the raw keys).
 */
export function contextLabelsSection(lang: Lang, labels: ContextLabel[], keys: string[], draft?: { values: ContextLabelValues; problems: FieldProblem[] }) {
  const problems = draft?.problems ?? [];
  const values = draft?.values ?? { key: '', value: '', en: '', th: '' };
  const fieldId = (field: string) => `label-${field}`;
  const feedback = (field: string, hintId?: string) => fieldFeedback(problems, field, lang, { id: fieldId(field), hintId });
  const key = feedback('key', 'label-key-hint');
  const value = feedback('value', 'label-value-hint');
  const en = feedback('en');
  const th = feedback('th');
  return html`<section class="card" aria-labelledby="context-names">
  <h2 id="context-names">${t.labels[lang]}</h2>
  <p class="muted">${t.labelsLead[lang]}</p>
  <ul class="rows">${labels.length ? labels.map((label) => {
    const what = label.value ? `${label.key} = ${label.value}` : label.key;
    return html`<li><span><code>${what}</code> → <span lang="th">${label.th || '—'}</span> / <span lang="en">${label.en || '—'}</span></span>
    <form method="post" action="/settings/context-labels/remove"><input type="hidden" name="key" value="${label.key}"><input type="hidden" name="value" value="${label.value}"><button class="link danger" aria-label="${fill(t.removeLabel[lang], { email: what })}">${t.remove[lang]}</button></form></li>`;
  }) : html`<li class="muted">${t.noLabels[lang]}</li>`}
  </ul>
  ${problemsBlock(problems, lang, fieldId)}
  <form method="post" action="/settings/context-labels" class="inline-form labels-form">
    <div><label for="label-key">${t.labelKey[lang]}</label><input id="label-key" name="key" list="label-keys" required maxlength="${limits.key}" autocomplete="off" value="${values.key}"${key.attrs}>${key.message}
      <datalist id="label-keys">${keys.map((name) => html`<option value="${name}"></option>`)}</datalist>
      <p class="small muted" id="label-key-hint">${t.labelKeyHint[lang]}</p></div>
    <div><label for="label-value">${t.labelValue[lang]}</label><input id="label-value" name="value" maxlength="${limits.value}" autocomplete="off" value="${values.value}"${value.attrs}>${value.message}
      <p class="small muted" id="label-value-hint">${t.labelValueHint[lang]}</p></div>
    <div><label for="label-th">${t.labelTh[lang]}</label><input id="label-th" name="th" lang="th" maxlength="${limits.name}" value="${values.th}"${th.attrs}>${th.message}</div>
    <div><label for="label-en">${t.labelEn[lang]}</label><input id="label-en" name="en" lang="en" maxlength="${limits.name}" value="${values.en}"${en.attrs}>${en.message}</div>
    <button type="submit">${t.saveLabel[lang]}</button>
  </form>
</section>`;
}
