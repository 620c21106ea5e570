import { html } from 'hono/html';
import type { Lang } from '../app-env';
import type { AppSetting, Config } from '../config';
import { fieldFeedback, problemsBlock, type FieldProblem } from '../shell/field-problems';
import { fill } from '../shell/lang';
import type { SiteSettings } from './live-settings';
import { maxLogoBytes, type SiteFormValues } from './site-form';
import type { StoredSettings } from './site-settings-store';
import { logoPath } from './logo-path';
import { siteText as t } from './site-text';

/** The form's values from what is stored (app settings) and in effect (locked ones). */
export function siteFormValues(stored: StoredSettings, effective: SiteSettings, locked: Config['locked']): SiteFormValues {
  const shown = <K extends AppSetting>(key: K, value: string | undefined | null) => (locked[key] ? String(effective[key] ?? '') : value ?? '');
  return {
    allowedOrigins: locked.allowedOrigins ? effective.allowedOrigins.join('\n') : (stored.allowedOrigins ?? effective.allowedOrigins).join('\n'),
    timezone: shown('timezone', stored.timezone), publicUrl: shown('publicUrl', stored.publicUrl),
    retentionDays: shown('retentionDays', stored.retentionDays === null ? '' : String(stored.retentionDays)),
    shopName: stored.shopName, colour: stored.colour, inboxDueHours: stored.inboxDueHours === null ? '' : String(stored.inboxDueHours),
  };
}

/** Settings → Site: allowed sites, the shop's look, time zone, public address, retention, inbox due time. */
export function siteSection({ lang, values, locked, hasLogo, problems = [], zones, placeholders }: {
  lang: Lang;
  values: SiteFormValues;
  /** What applies when a field is left empty (the environment's value or the default). */
  placeholders: Partial<SiteFormValues>;
  locked: Config['locked'];
  hasLogo: boolean;
  problems?: FieldProblem[];
  /** Time zone names offered while typing. */
  zones: string[];
}) {
  const fieldId = (field: string) => `site-${field}`;
  const hintId = (field: string) => `site-${field}-hint`;
  const control = (field: keyof SiteFormValues, attributes: string) => {
    const feedback = fieldFeedback(problems, field, lang, { id: fieldId(field), hintId: hintId(field) });
    const lockedBy = locked[field as AppSetting];
    return { feedback, lockedBy, disabled: lockedBy ? 'disabled' : '', attributes };
  };
  const hint = (field: keyof SiteFormValues | 'logo', text: string, lockedBy?: string) =>
    html`<p class="small muted" id="${hintId(field)}">${lockedBy ? html`<strong>${fill(t.locked[lang], { name: lockedBy })}</strong> ` : ''}${text}</p>`;
  const input = (field: keyof SiteFormValues, type: string, extra = {} as Record<string, string>) => {
    const { feedback, lockedBy } = control(field, '');
    const placeholder = placeholders[field] ? { placeholder: placeholders[field] } : {};
    const attrs = Object.entries({ ...extra, ...placeholder }).map(([name, value]) => html` ${name}="${value}"`);
    return html`<div><label for="${fieldId(field)}">${t[field][lang]}</label>
      <input id="${fieldId(field)}" name="${field}" type="${type}" value="${values[field]}"${attrs}${lockedBy ? html` disabled` : ''}${feedback.attrs}>${feedback.message}
      ${hint(field, t[`${field}Hint` as keyof typeof t]?.[lang] ?? '', lockedBy)}</div>`;
  };
  const origins = control('allowedOrigins', '');
  const logo = fieldFeedback(problems, 'logo', lang, { id: fieldId('logo'), hintId: hintId('logo') });
  const colour = fieldFeedback(problems, 'colour', lang, { id: fieldId('colour') });
  return html`<section class="card" aria-labelledby="site">
  <h2 id="site">${t.site[lang]}</h2>
  <p class="muted">${t.siteLead[lang]}</p>
  ${problemsBlock(problems, lang, fieldId)}
  <form method="post" action="/settings/site" enctype="multipart/form-data" class="site-form">
    <div><label for="${fieldId('allowedOrigins')}">${t.allowedOrigins[lang]}</label>
      <textarea id="${fieldId('allowedOrigins')}" name="allowedOrigins" rows="3" spellcheck="false" autocomplete="off"${origins.lockedBy ? html` disabled` : ''}${origins.feedback.attrs}>${values.allowedOrigins}</textarea>${origins.feedback.message}
      ${hint('allowedOrigins', t.allowedOriginsHint[lang], origins.lockedBy)}</div>
    ${input('shopName', 'text', { maxlength: '80', autocomplete: 'organization' })}
    <div><label for="${fieldId('colour')}">${t.colour[lang]}</label>
      <input id="${fieldId('colour')}" name="colour" type="color" value="${values.colour}"${colour.attrs}>${colour.message}</div>
    <div><label for="${fieldId('logo')}">${t.logo[lang]}</label>
      ${hasLogo ? html`<p><img class="site-logo" src="${logoPath}" alt="${t.logoCurrent[lang]}"></p>` : ''}
      <input id="${fieldId('logo')}" name="logo" type="file" accept="image/png,image/jpeg,image/webp" data-max-bytes="${maxLogoBytes}"${logo.attrs}>${logo.message}
      ${hint('logo', t.logoHint[lang])}
      ${hasLogo ? html`<p><input id="site-remove-logo" name="removeLogo" type="checkbox"> <label for="site-remove-logo">${t.logoRemove[lang]}</label></p>` : ''}</div>
    ${input('timezone', 'text', { list: 'site-zones', autocomplete: 'off', spellcheck: 'false' })}
    <datalist id="site-zones">${zones.map((zone) => html`<option value="${zone}"></option>`)}</datalist>
    ${input('publicUrl', 'url', { inputmode: 'url', spellcheck: 'false', autocomplete: 'off' })}
    ${input('retentionDays', 'text', { inputmode: 'numeric', autocomplete: 'off' })}
    ${input('inboxDueHours', 'text', { inputmode: 'numeric', autocomplete: 'off' })}
    <button type="submit">${t.save[lang]}</button>
  </form>
</section>`;
}
