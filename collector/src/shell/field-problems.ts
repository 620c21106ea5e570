import { html, raw } from 'hono/html';
import type { Lang } from '../app-env';
import type { Localized } from './lang';

/**
 * One problem with a form: which field (its name in the form and the API), its label as the page
 * shows it, and what was wrong and what is allowed — both in every interface language, so a page
 * never shows an internal key or a sentence in the other language.
 */
export interface FieldProblem {
  field: string;
  label: Localized;
  message: Localized;
}

/** The id of a field's control: `f-<field>` unless the form names its controls otherwise. */
export type FieldId = (field: string) => string;
const defaultFieldId: FieldId = (field) => `f-${field}`;

/** The list above a form: each problem as "<label>: <what is allowed>", the label a link to its field. */
export function problemsBlock(problems: readonly FieldProblem[], lang: Lang, fieldId: FieldId = defaultFieldId) {
  if (!problems.length) return '';
  return html`<div class="error" role="alert"><ul>${problems.map((p) => html`<li><a href="#${fieldId(p.field)}">${p.label[lang]}</a>: ${p.message[lang]}</li>`)}</ul></div>`;
}

/** A JSON API's `problems`: "<field>: <what is allowed>", the field as the API spells it. */
export const problemLines = (problems: readonly FieldProblem[], lang: Lang) => problems.map((p) => `${p.field}: ${p.message[lang]}`);

/**
 * What a field shows when it has a problem: `attrs` for its control (`aria-invalid`, and
 * `aria-describedby` naming its hint and its message) and `message` (the sentence under it, with
 * the id the control points at). Without a problem, the control still points at its hint.
 */
export function fieldFeedback(problems: readonly FieldProblem[], field: string, lang: Lang, { id, hintId }: { id: string; hintId?: string }) {
  const found = problems.find((p) => p.field === field);
  const describedBy = [hintId, found ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    attrs: raw(`${describedBy ? ` aria-describedby="${describedBy}"` : ''}${found ? ' aria-invalid="true"' : ''}`),
    message: found ? html`<p class="field-error" id="${id}-error">${found.message[lang]}</p>` : '',
  };
}
