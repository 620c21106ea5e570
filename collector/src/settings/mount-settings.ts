import type { Context } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { App, AppEnv, FeatureDeps, Lang } from '../app-env';
import type { Accounts } from '../auth/accounts';
import { credentialsSchema, describeForForm, describeProblems } from '../auth/credentials';
import { requireUser } from '../auth/require-user';
import { formFields } from '../http/form-fields';
import { problem } from '../http/problem';
import { fill } from '../shell/lang';
import { shellText } from '../shell/messages';
import { createContextLabelStore } from '../context-labels/context-label-store';
import { contextLabelsSection, parseContextLabelForm } from './context-labels-form';
import { settingsText as t } from './settings-text';
import { accountSection } from './account-section';
import { mountSiteSettings, type SiteOutcome } from '../site-settings/mount-site-settings';
import { refusedSection } from '../site-settings/refused-section';
import { siteFormValues, siteSection } from '../site-settings/site-section';

/** IANA zone names, offered while typing a time zone. */
const timeZones = () => Intl.supportedValuesOf('timeZone');

const tokenName = z.object({ name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters long') });
const staffFields = credentialsSchema.extend({ role: z.enum(['staff', 'owner']).default('staff') });

/**
 * Settings: people (the owner adds and removes staff) and API tokens (anyone signed in makes and
 * revokes their own; the owner sees and revokes all). The page works with plain forms; the same
 * actions are JSON APIs for automation:
 * - `GET /api/users`, `POST /api/users` `{ email, password, role? }` → 201, 409 if taken,
 *   `DELETE /api/users/:id` → 204 (owner, signed in; the owner cannot remove their own account);
 * - `GET /api/tokens`, `POST /api/tokens` `{ name }` → 201 `{ token, secret }` (the only time the
 *   secret is shown), `DELETE /api/tokens/:id` → 204 (signed in; tokens cannot manage tokens).
 * The owner's site settings and refused sites (`../site-settings/mount-site-settings.ts`).
 * And the owner's names for context keys and values (`POST /settings/context-labels`, `…/remove`;
 * `GET /api/context-labels`, signed in), which the dashboard, comments and inbox show.
 */
export function mountSettings(app: App, deps: FeatureDeps, { accounts }: { accounts: Accounts }) {
  const { db, nav, page, settings, refusedSites, config } = deps;
  nav.add({ href: '/settings', label: t.title, order: 90 });
  const { users, apiTokens } = accounts;
  const contextLabels = createContextLabelStore(db);
  // The keys the latest answers carry, offered in the names form (a bounded read).
  const recentKeys = async () => (await db.query<{ key: string }>(
    'SELECT DISTINCT k AS key FROM (SELECT context FROM responses ORDER BY received_at DESC LIMIT 500) r, jsonb_object_keys(r.context) k ORDER BY 1 LIMIT 50',
  )).rows.map((row) => row.key);
  const scope = (c: Context<AppEnv>) => (c.var.user.role === 'owner' ? undefined : c.var.user.id);

  async function settingsPage(c: Context<AppEnv>, { status = 200 as 200 | 400 | 409, errors = [] as string[], notice = '', secret = '', email = '', labelDraft = undefined as Parameters<typeof contextLabelsSection>[3], siteDraft = undefined as SiteOutcome['draft'] } = {}) {
    const lang: Lang = c.var.lang;
    const me = c.var.user;
    const owner = me.role === 'owner';
    const [people, tokens, labels, keys, refused] = await Promise.all([
      owner ? users.list() : Promise.resolve([]), apiTokens.list(scope(c)), owner ? contextLabels.list() : [], owner ? recentKeys() : [],
      owner ? refusedSites.list() : [],
    ]);
    const site = owner ? html`${refusedSection({ lang, sites: refused, lockedBy: settings.locked.allowedOrigins, timeZone: config.timezone })}
${siteSection({
  lang, locked: settings.locked, hasLogo: settings.current().hasLogo, problems: siteDraft?.problems, zones: timeZones(),
  placeholders: { timezone: settings.current().timezone, inboxDueHours: String(settings.current().inboxDueHours) },
  values: siteDraft?.values ?? siteFormValues(settings.stored(), settings.current(), settings.locked),
})}` : '';
    const when = (iso: string) => new Date(iso).toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return page(c, { title: t.title[lang], status, styles: owner ? ['settings'] : [], main: html`
<h1>${t.title[lang]}</h1>
${errors.map((error) => html`<p class="error" role="alert">${error}</p>`)}
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${site}
${accountSection(lang, me.role)}
${me.role === 'owner' ? html`
<section class="card" aria-labelledby="people">
  <h2 id="people">${t.people[lang]}</h2>
  <p class="muted">${t.peopleLead[lang]}</p>
  <ul class="rows">${people.map((person) => html`
    <li><span>${person.email} <span class="muted">· ${shellText[person.role][lang]}${person.id === me.id ? html` · ${t.you[lang]}` : ''}</span></span>
    ${person.id === me.id ? '' : html`<form method="post" action="/settings/users/${person.id}/remove"><button class="link danger" aria-label="${fill(t.removeLabel[lang], { email: person.email })}">${t.remove[lang]}</button></form>`}</li>`)}
  </ul>
  <h3>${t.addStaff[lang]}</h3>
  <form method="post" action="/settings/users" class="inline-form">
    <div><label for="staff-email">${t.email[lang]}</label><input id="staff-email" name="email" type="email" autocomplete="off" required value="${email}"></div>
    <div><label for="staff-password">${t.password[lang]}</label><input id="staff-password" name="password" type="text" autocomplete="new-password" minlength="10" required></div>
    <button type="submit">${t.add[lang]}</button>
  </form>
</section>` : ''}
<section class="card" aria-labelledby="tokens">
  <h2 id="tokens">${t.tokens[lang]}</h2>
  <p class="muted">${t.tokensLead[lang]}</p>
  ${secret ? html`<div class="secret" role="status"><p>${t.newToken[lang]}</p><code id="new-token">${secret}</code></div>` : ''}
  <ul class="rows">${tokens.length ? tokens.map((token) => html`
    <li><span>${token.name} <span class="muted">· ${token.email} · ${token.revokedAt ? t.revoked[lang] : token.lastUsedAt ? `${t.lastUsed[lang]} ${when(token.lastUsedAt)}` : t.never[lang]}</span></span>
    ${token.revokedAt ? '' : html`<form method="post" action="/settings/tokens/${token.id}/revoke"><button class="link danger" aria-label="${fill(t.revokeLabel[lang], { name: token.name })}">${t.revoke[lang]}</button></form>`}</li>`) : html`<li class="muted">${t.noTokens[lang]}</li>`}
  </ul>
  <form method="post" action="/settings/tokens" class="inline-form">
    <div><label for="token-name">${t.tokenName[lang]}</label><input id="token-name" name="name" required maxlength="80"></div>
    <button type="submit">${t.create[lang]}</button>
  </form>
</section>
${owner ? contextLabelsSection(lang, labels, keys, labelDraft) : ''}` });
  }

  app.get('/settings', requireUser({ page: true, sessionOnly: true }), (c) => settingsPage(c));

  mountSiteSettings(app, deps, { render: (c, { status, notice, errors, draft }) => settingsPage(c, { status, notice, errors, siteDraft: draft }) });

  app.post('/settings/users', requireUser({ page: true, role: 'owner' }), async (c) => {
    const { fields } = await formFields(c);
    const lang = c.var.lang;
    const parsed = credentialsSchema.safeParse(fields);
    if (!parsed.success) {
      return settingsPage(c, { status: 400, errors: describeForForm(parsed.error, lang), email: fields.email });
    }
    const added = await users.add({ ...parsed.data, role: 'staff' });
    if (!added) return settingsPage(c, { status: 409, errors: [fill(t.taken[lang], { email: parsed.data.email })], email: fields.email });
    return settingsPage(c, { notice: fill(t.added[lang], { email: added.email }) });
  });

  app.post('/settings/users/:id/remove', requireUser({ page: true, role: 'owner' }), async (c) => {
    if (c.req.param('id') !== c.var.user.id) await users.remove(c.req.param('id'));
    return c.redirect('/settings', 303);
  });

  app.post('/settings/tokens', requireUser({ page: true, sessionOnly: true }), async (c) => {
    const { fields } = await formFields(c);
    const parsed = tokenName.safeParse(fields);
    if (!parsed.success) return settingsPage(c, { status: 400, errors: [t.nameNeeded[c.var.lang]] });
    const { secret } = await apiTokens.create(c.var.user.id, parsed.data.name);
    return settingsPage(c, { secret });
  });

  app.post('/settings/tokens/:id/revoke', requireUser({ page: true, sessionOnly: true }), async (c) => {
    await apiTokens.revoke(c.req.param('id'), scope(c));
    return c.redirect('/settings', 303);
  });

  app.post('/settings/context-labels', requireUser({ page: true, role: 'owner' }), async (c) => {
    const { fields } = await formFields(c);
    const parsed = parseContextLabelForm(fields);
    if ('problems' in parsed) return settingsPage(c, { status: 400, labelDraft: parsed });
    await contextLabels.save(parsed.label);
    const what = parsed.label.value ? `${parsed.label.key} = ${parsed.label.value}` : parsed.label.key;
    return settingsPage(c, { notice: fill(t.labelSaved[c.var.lang], { what }) });
  });

  app.post('/settings/context-labels/remove', requireUser({ page: true, role: 'owner' }), async (c) => {
    const { fields } = await formFields(c);
    await contextLabels.remove(fields.key ?? '', fields.value ?? '');
    return c.redirect('/settings', 303);
  });

  app.get('/api/context-labels', requireUser(), async (c) => c.json(await contextLabels.list()));

  app.get('/api/users', requireUser({ role: 'owner' }), async (c) => c.json(await users.list()));

  app.post('/api/users', requireUser({ role: 'owner' }), async (c) => {
    const { fields } = await formFields(c);
    const parsed = staffFields.safeParse(fields);
    if (!parsed.success) return problem(c, 400, describeProblems(parsed.error));
    const added = await users.add(parsed.data);
    return added ? c.json(added, 201) : problem(c, 409, `there is already an account for ${parsed.data.email}`);
  });

  app.delete('/api/users/:id', requireUser({ role: 'owner' }), async (c) => {
    if (c.req.param('id') === c.var.user.id) return problem(c, 409, 'the owner cannot remove their own account');
    return (await users.remove(c.req.param('id'))) ? c.body(null, 204) : problem(c, 404, `no account with id ${c.req.param('id')}`);
  });

  app.get('/api/tokens', requireUser({ sessionOnly: true }), async (c) => c.json(await apiTokens.list(scope(c))));

  app.post('/api/tokens', requireUser({ sessionOnly: true }), async (c) => {
    const { fields } = await formFields(c);
    const parsed = tokenName.safeParse(fields);
    if (!parsed.success) return problem(c, 400, describeProblems(parsed.error));
    return c.json(await apiTokens.create(c.var.user.id, parsed.data.name), 201);
  });

  app.delete('/api/tokens/:id', requireUser({ sessionOnly: true }), async (c) =>
    (await apiTokens.revoke(c.req.param('id'), scope(c))) ? c.body(null, 204) : problem(c, 404, `no live token with id ${c.req.param('id')}`));
}
