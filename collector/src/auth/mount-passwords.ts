import type { Context } from 'hono';
import { html } from 'hono/html';
import type { App, AppEnv, FeatureDeps, Lang } from '../app-env';
import { formFields } from '../http/form-fields';
import { problem } from '../http/problem';
import { createRateLimiter } from '../http/rate-limiter';
import { fill, type Localized } from '../shell/lang';
import { passwordSchema } from './credentials';
import { changePassword, createPasswordResets, type ResetLink } from './password-resets';
import { passwordText as t } from './password-text';
import { verifyPassword } from './passwords';
import { requireUser } from './require-user';
import type { SessionCookie } from './session-cookie';

/** Wrong current passwords allowed per person in 15 minutes (a borrowed session cannot guess it). */
const CURRENT_ATTEMPTS = 5;

type Field = 'current' | 'password' | 'confirm';
type FieldErrors = Partial<Record<Field, Localized>>;

/** The form's fields: label, autocomplete, and its error under it (announced, tied by aria-describedby). */
function field(lang: Lang, name: Field, label: Localized, autocomplete: string, errors: FieldErrors, rule = false) {
  const error = errors[name];
  const described = [rule ? `${name}-rule` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`
    <label for="${name}">${label[lang]}</label>
    <input id="${name}" name="${name}" type="password" autocomplete="${autocomplete}" required ${name === 'current' ? '' : html`minlength="10" maxlength="200"`}
      ${error ? html`aria-invalid="true"` : ''} ${described ? html`aria-describedby="${described}"` : ''}>
    ${rule ? html`<p class="muted small" id="${name}-rule">${t.rule[lang]}</p>` : ''}
    ${error ? html`<p class="error" id="${name}-error">${error[lang]}</p>` : ''}`;
}

/** The new password's checks, shared by both forms: length, typed twice the same. */
function checkNew(fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  if (!passwordSchema.safeParse(fields.password ?? '').success) errors.password = t.passwordLength;
  else if (fields.password !== fields.confirm) errors.confirm = t.mismatch;
  return errors;
}

/** Field errors for an API client: `password: The new password must be …`. */
const asProblems = (errors: FieldErrors) => Object.entries(errors).map(([name, text]) => `${name}: ${text!.en}`);

/**
 * Passwords:
 * - `GET|POST /account/password`: the signed-in person changes theirs (current password required;
 *   their other sessions end, this one stays). A form, or JSON `{ current, password, confirm }`.
 * - `GET|POST /reset-password?token=…`: the one-time link `hearback-collector user reset-password`
 *   prints; it sets a new password and ends all of that person's sessions.
 * Both pass the app's CSRF check like every form.
 */
export function mountPasswords(app: App, { db, now, page }: FeatureDeps, { cookie }: { cookie: SessionCookie }) {
  const resets = createPasswordResets(db, now);
  const limiter = createRateLimiter({ limit: CURRENT_ATTEMPTS, windowSeconds: 15 * 60, now: () => now().getTime() });

  const changePage = (c: Context<AppEnv>, { status = 200 as 200 | 400 | 429, errors = {} as FieldErrors, notice = '', alert = '' } = {}) => {
    const lang = c.var.lang;
    return page(c, { title: t.changeTitle[lang], status, main: html`
<section class="card narrow">
  <h1>${t.changeTitle[lang]}</h1>
  <p class="muted">${t.changeLead[lang]}</p>
  ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
  ${alert ? html`<p class="error" role="alert">${alert}</p>` : ''}
  <form method="post" action="/account/password" class="stack" novalidate>
    <input type="text" name="username" autocomplete="username" value="${c.var.user.email}" hidden>
    ${field(lang, 'current', t.current, 'current-password', errors)}
    ${field(lang, 'password', t.newPassword, 'new-password', errors, true)}
    ${field(lang, 'confirm', t.confirm, 'new-password', errors)}
    <button type="submit">${t.changeSubmit[lang]}</button>
  </form>
</section>` });
  };

  app.get('/account/password', requireUser({ page: true, sessionOnly: true }), (c) => changePage(c));

  app.post('/account/password', requireUser({ page: true, sessionOnly: true }), async (c) => {
    const { fields, json } = await formFields(c);
    const user = c.var.user;
    const errors: FieldErrors = { ...(fields.current ? {} : { current: t.currentMissing }), ...checkNew(fields) };
    if (!errors.password && fields.current && fields.password === fields.current) errors.password = t.same;
    if (Object.keys(errors).length) return json ? problem(c, 400, asProblems(errors)) : changePage(c, { status: 400, errors });
    const allowed = await limiter.hit(user.id);
    if (!allowed.ok) {
      const message = fill(t.tooMany[c.var.lang], { minutes: Math.ceil(allowed.retryAfterSeconds / 60) });
      c.header('retry-after', String(allowed.retryAfterSeconds));
      return json ? problem(c, 429, `current: ${fill(t.tooMany.en, { minutes: Math.ceil(allowed.retryAfterSeconds / 60) })}`) : changePage(c, { status: 429, alert: message });
    }
    const changed = await changePassword(db, { userId: user.id, current: fields.current, password: fields.password, keepSession: cookie.read(c) ?? '', verify: verifyPassword });
    if (!changed) return json ? problem(c, 400, asProblems({ current: t.currentWrong })) : changePage(c, { status: 400, errors: { current: t.currentWrong } });
    await limiter.reset(user.id);
    return json ? c.json({ changed: true }) : changePage(c, { notice: t.changed[c.var.lang] });
  });

  const linkGone = (c: Context<AppEnv>, link: Exclude<ResetLink, { live: true }>) => {
    const lang = c.var.lang;
    const message = { unknown: t.linkUnknown, used: t.linkUsed, expired: t.linkExpired }[link.why][lang];
    return page(c, { title: t.resetTitle[lang], status: link.why === 'used' ? 409 : 404, main: html`
<section class="card narrow"><h1>${t.resetTitle[lang]}</h1><p class="error" role="alert">${message}</p><p><a href="/signin">${t.signIn[lang]}</a></p></section>` });
  };
  const resetPage = (c: Context<AppEnv>, token: string, email: string, { status = 200 as 200 | 400, errors = {} as FieldErrors } = {}) => {
    const lang = c.var.lang;
    return page(c, { title: t.resetTitle[lang], status, main: html`
<section class="card narrow">
  <h1>${t.resetTitle[lang]}</h1>
  <p class="muted">${fill(t.resetLead[lang], { email })}</p>
  <form method="post" action="/reset-password" class="stack" novalidate>
    <input type="hidden" name="token" value="${token}">
    <input type="text" name="username" autocomplete="username" value="${email}" hidden>
    ${field(lang, 'password', t.newPassword, 'new-password', errors, true)}
    ${field(lang, 'confirm', t.confirm, 'new-password', errors)}
    <button type="submit">${t.resetSubmit[lang]}</button>
  </form>
</section>` });
  };

  app.get('/reset-password', async (c) => {
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    const token = c.req.query('token') ?? '';
    const link = await resets.check(token);
    return link.live ? resetPage(c, token, link.email) : linkGone(c, link);
  });

  app.post('/reset-password', async (c) => {
    c.header('cache-control', 'no-store');
    const { fields } = await formFields(c);
    const token = fields.token ?? '';
    const link = await resets.check(token);
    if (!link.live) return linkGone(c, link);
    const errors = checkNew(fields);
    if (Object.keys(errors).length) return resetPage(c, token, link.email, { status: 400, errors });
    const used = await resets.use(token, fields.password);
    if (!used.live) return linkGone(c, used);
    cookie.clear(c);
    const lang = c.var.lang;
    return page(c, { title: t.resetTitle[lang], main: html`
<section class="card narrow"><h1>${t.resetTitle[lang]}</h1><p class="notice" role="status">${t.resetDone[lang]}</p><p><a href="/signin">${t.signIn[lang]}</a></p></section>` });
  });
}
