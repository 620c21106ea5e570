import { html } from 'hono/html';
import type { App, FeatureDeps, Lang } from '../app-env';
import { clientAddress } from '../http/client-address';
import { formFields } from '../http/form-fields';
import { localPath } from '../http/local-path';
import { ownOrigin } from '../http/own-origin';
import { problem } from '../http/problem';
import { fill } from '../shell/lang';
import { rateLimiterFor } from '../http/rate-limiters';
import type { Accounts } from './accounts';
import { authText as t } from './auth-text';
import { credentialsSchema, describeForForm } from './credentials';
import { endSetupLinks, setupLinkIsLive } from './first-owner';
import { createHashGate } from './hash-gate';
import { decoyHash, verifyPassword } from './passwords';
import type { SessionCookie } from './session-cookie';
import { createUsers } from './users';

/** Failed sign-ins allowed per email and client address in 15 minutes; a success clears the count. */
export const SIGN_IN_ATTEMPTS = 5;
/** Failed sign-ins allowed per client address in 15 minutes, whatever the emails (a spray). */
export const SIGN_IN_ADDRESS_ATTEMPTS = 20;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;
const SETUP_LOCK = 4_242_002;

/**
 * Sign-in, sign-out and first-owner setup.
 * - `GET /signin`, `POST /signin` (form → 303 to `next`, a path on this app; JSON
 *   `{ email, password }` → 200 `{ email, role }`), 401 for a wrong email or password (the same
 *   answer for both), 429 with `Retry-After` after 5 failures per email and client address, or 20
 *   per client address across emails, in 15 minutes (counted in the database on PostgreSQL, so
 *   every instance sees them), and while too many passwords are being checked at once.
 * - `POST /signout`: ends the session everywhere it is used, clears the cookie.
 * - `GET|POST /setup?token=…`: the one-time link printed at first start creates the owner.
 */
export function mountAuth(app: App, { db, config, now, page }: FeatureDeps, { accounts, cookie }: { accounts: Accounts; cookie: SessionCookie }) {
  const window = { windowSeconds: SIGN_IN_WINDOW_SECONDS, now: () => now().getTime() };
  const byEmail = rateLimiterFor(db, 'signin-email', { limit: SIGN_IN_ATTEMPTS, ...window });
  const byAddress = rateLimiterFor(db, 'signin-address', { limit: SIGN_IN_ADDRESS_ATTEMPTS, ...window });
  const hashing = createHashGate();

  const signInPage = (lang: Lang, { email = '', next = '/', error = '' } = {}) => html`
<section class="card narrow">
  <h1>${t.signInTitle[lang]}</h1>
  <p class="muted">${t.signInLead[lang]}</p>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  <form method="post" action="/signin" class="stack">
    <input type="hidden" name="next" value="${next}">
    <label for="email">${t.email[lang]}</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${email}">
    <label for="password">${t.password[lang]}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">${t.submit[lang]}</button>
  </form>
</section>`;

  app.get('/signin', async (c) => {
    const next = localPath(c.req.query('next'), ownOrigin(c, config));
    if (await c.var.identify()) return c.redirect(next, 303);
    return page(c, { title: t.signInTitle[c.var.lang], main: signInPage(c.var.lang, { next }) });
  });

  app.post('/signin', async (c) => {
    const { fields, json } = await formFields(c);
    const lang = c.var.lang;
    const email = (fields.email ?? '').trim().toLowerCase();
    const next = localPath(fields.next, ownOrigin(c, config));
    const refuse = (status: 400 | 401 | 429, message: string, headers: Record<string, string> = {}) => {
      if (json) return problem(c, status, message, headers);
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return page(c, { title: t.signInTitle[lang], status, main: signInPage(lang, { email, next, error: message }) });
    };
    if (!email || !fields.password) return refuse(400, json ? 'email and password are required' : t.missing[lang]);
    const address = clientAddress(c, config.trustProxy);
    const emailKey = `${email}\n${address}`;
    const tooMany = (retryAfterSeconds: number, about: string) => refuse(429,
      json ? `too many sign-in attempts ${about}; try again in ${retryAfterSeconds} s` : fill(t.tooMany[lang], { minutes: String(Math.ceil(retryAfterSeconds / 60)) }),
      { 'retry-after': String(retryAfterSeconds) });
    const busy = () => refuse(429, json ? `too many sign-ins are being checked at once; try again in ${hashing.retryAfterSeconds} s` : t.busy[lang], { 'retry-after': String(hashing.retryAfterSeconds) });
    // Every password-checking turn and place in line is taken: refused before any counting or
    // database work, so a spray costs the answer route as little as possible.
    if (hashing.full()) return busy();
    // Counted before the password is checked, so a refused attempt costs no scrypt.
    const forAddress = await byAddress.hit(address);
    if (!forAddress.ok) return tooMany(forAddress.retryAfterSeconds, 'from this address');
    const forEmail = await byEmail.hit(emailKey);
    if (!forEmail.ok) return tooMany(forEmail.retryAfterSeconds, `for ${email}`);
    const checked = await hashing.run(async () => {
      const user = await accounts.users.withPassword(email);
      return (await verifyPassword(fields.password, user?.passwordHash ?? (await decoyHash()))) ? user : undefined;
    });
    if (!checked.ok) {
      // Not an attempt: the password was never checked.
      await Promise.all([byAddress.refund(address), byEmail.refund(emailKey)]);
      return busy();
    }
    const user = checked.value;
    if (!user) return refuse(401, json ? 'the email and password do not match an account' : t.wrong[lang]);
    await Promise.all([byEmail.reset(emailKey), byAddress.refund(address)]);
    const { secret, expiresAt } = await accounts.sessions.start(user.id);
    cookie.write(c, secret, expiresAt);
    return json ? c.json({ email: user.email, role: user.role }, 200, { 'cache-control': 'no-store' }) : c.redirect(next, 303);
  });

  app.post('/signout', async (c) => {
    const secret = cookie.read(c);
    if (secret) await accounts.sessions.end(secret);
    cookie.clear(c);
    return c.redirect('/signin', 303);
  });

  const setupPage = (lang: Lang, token: string, { email = '', errors = [] as string[] } = {}) => html`
<section class="card narrow">
  <h1>${t.setupTitle[lang]}</h1>
  <p class="muted">${t.setupLead[lang]}</p>
  ${errors.map((error) => html`<p class="error" role="alert">${error}</p>`)}
  <form method="post" action="/setup" class="stack">
    <input type="hidden" name="token" value="${token}">
    <label for="email">${t.email[lang]}</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${email}">
    <label for="password">${t.password[lang]}</label>
    <input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required aria-describedby="password-rule">
    <p class="muted small" id="password-rule">${t.passwordRule[lang]}</p>
    <button type="submit">${t.setupSubmit[lang]}</button>
  </form>
</section>`;
  const setupGone = (lang: Lang) => html`<section class="card narrow"><h1>${t.setupTitle[lang]}</h1><p class="error" role="alert">${t.setupGone[lang]}</p><p><a href="/signin">${t.signInTitle[lang]}</a></p></section>`;

  app.get('/setup', async (c) => {
    const token = c.req.query('token') ?? '';
    const lang = c.var.lang;
    if (!(await setupLinkIsLive(db, token, now()))) return page(c, { title: t.setupTitle[lang], status: 404, main: setupGone(lang) });
    return page(c, { title: t.setupTitle[lang], main: setupPage(lang, token) });
  });

  app.post('/setup', async (c) => {
    const { fields } = await formFields(c);
    const lang = c.var.lang;
    const token = fields.token ?? '';
    if (!(await setupLinkIsLive(db, token, now()))) return page(c, { title: t.setupTitle[lang], status: 404, main: setupGone(lang) });
    const parsed = credentialsSchema.safeParse(fields);
    if (!parsed.success) {
      return page(c, { title: t.setupTitle[lang], status: 400, main: setupPage(lang, token, { email: fields.email, errors: describeForForm(parsed.error, lang) }) });
    }
    const owner = await db.transaction(async (tx) => {
      // One owner, even when two tabs or two instances' links are used at the same moment.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      if (!(await setupLinkIsLive(tx, token, now()))) return null;
      const user = await createUsers(tx).add({ ...parsed.data, role: 'owner' });
      await endSetupLinks(tx);
      return user;
    });
    if (!owner) return page(c, { title: t.setupTitle[lang], status: 409, main: setupGone(lang) });
    const { secret, expiresAt } = await accounts.sessions.start(owner.id);
    cookie.write(c, secret, expiresAt);
    return c.redirect('/', 303);
  });
}
