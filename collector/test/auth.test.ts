// Sign-in, sessions, CSRF, staff and API tokens, on PGlite or (with DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ATTEMPTS } from '../src/auth/mount-auth';
import { OWNER, asBrowser, databaseKind, openTestDatabase, sessionCookieOf, signIn, startTestCollector, type TestCollector } from './harness';

const SHOP = 'https://shop.example';
const readRoutes = ['/api/responses.json', '/api/responses.csv', '/api/summary', '/api/users', '/api/tokens'];
const pages = ['/dashboard', '/settings'];

describe(`sign-in and what it guards (${databaseKind})`, () => {
  let collector: TestCollector;
  const json = (body: unknown) => JSON.stringify(body);

  beforeAll(async () => {
    collector = await startTestCollector({ config: { allowedOrigins: [SHOP] } });
  }, 60_000);
  afterAll(() => collector?.close());

  it('answers 401 on every read route without sign-in, with no Access-Control-Allow-Origin even for an allowed origin', async () => {
    for (const path of readRoutes) {
      const response = await collector.request(path, { headers: { origin: SHOP } });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(response.headers.get('www-authenticate'), path).toMatch(/^Bearer/);
      expect((await response.json()).problems[0], path).toMatch(/sign in first, or send an API token/);
    }
    for (const path of pages) {
      const response = await collector.request(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe(`/signin?next=${encodeURIComponent(path)}`);
    }
    const form = await collector.request('/settings/tokens', { method: 'POST', headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/signin');
    const bogus = await collector.request('/api/summary', { headers: { authorization: 'Bearer hb_token_not-a-real-one' } });
    expect(bogus.status).toBe(401);
  });

  it('a malformed bearer header identifies nobody, even with a session cookie: no way around the CSRF check', async () => {
    const owner = await signIn(collector);
    for (const authorization of ['Bearer x y', 'bearer\tjunk more', 'Bearer  a,b']) {
      const crossSite = await collector.request('/api/tokens', {
        method: 'POST', headers: { cookie: owner, origin: 'https://evil.example', authorization, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'stolen' }),
      });
      expect(crossSite.status, authorization).toBe(401);
      expect((await collector.request('/api/summary', { headers: { cookie: owner, authorization } })).status, authorization).toBe(401);
    }
  });

  it('signs in with the form, returns to the page asked for, and signs out everywhere', async () => {
    const form = new URLSearchParams({ email: ' Owner@Shop.Example ', password: OWNER.password, next: '/settings' });
    const response = await collector.request('/signin', { method: 'POST', headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/settings');
    const setCookie = response.headers.getSetCookie()[0];
    expect(setCookie).toMatch(/^hearback_session=hb_session_[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http on 127.0.0.1
    const cookie = sessionCookieOf(response);
    const settings = await collector.request('/settings', { headers: { cookie } });
    expect(settings.status).toBe(200);
    expect(settings.headers.get('cache-control')).toBe('no-store');
    expect(await settings.text()).toContain('owner@shop.example');

    const out = await collector.request('/signout', { method: 'POST', headers: asBrowser(collector, cookie) });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toMatch(/^hearback_session=;.*Max-Age=0/);
    // The old cookie, replayed, signs nobody in: the session is gone from the database.
    expect((await collector.request('/api/summary', { headers: { cookie } })).status).toBe(401);
  });

  it('never redirects off-site after sign-in', async () => {
    const form = new URLSearchParams({ email: OWNER.email, password: OWNER.password, next: '//evil.example/' });
    const response = await collector.request('/signin', { method: 'POST', headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(response.headers.get('location')).toBe('/');
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const attempt = (email: string, password: string) =>
      collector.request('/signin', { method: 'POST', headers: { origin: collector.origin, 'content-type': 'application/json' }, body: json({ email, password }) });
    const wrong = await attempt(OWNER.email, 'not the password');
    const unknown = await attempt('nobody@shop.example', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const page = await collector.request('/signin', { method: 'POST', headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'th' }, body: new URLSearchParams({ email: OWNER.email, password: 'nope' }) });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
  });

  it('rate-limits sign-in attempts per email and client: 429 with Retry-After, even for the right password', async () => {
    const email = 'staff-limit@shop.example';
    await collector.accounts.users.add({ email, password: 'the right password', role: 'staff' });
    const attempt = (password: string, who = email) =>
      collector.request('/signin', { method: 'POST', headers: { origin: collector.origin, 'content-type': 'application/json' }, body: json({ email: who, password }) });
    for (let i = 0; i < SIGN_IN_ATTEMPTS; i++) expect((await attempt(`guess ${i}`)).status).toBe(401);
    const limited = await attempt('the right password');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await limited.json()).problems[0]).toMatch(/too many sign-in attempts for staff-limit@shop\.example/);
    const form = await collector.request('/signin', { method: 'POST', headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password: 'the right password' }) });
    expect(form.status).toBe(429);
    expect(await form.text()).toContain('Too many attempts. Try again in 15 min.');
    // Someone else signing in from the same address is not locked out.
    expect((await attempt(OWNER.password, OWNER.email)).status).toBe(200);
  });

  it('refuses state changes from other sites (CSRF): a foreign or missing Origin gets 403', async () => {
    const cookie = await signIn(collector);
    const create = (headers: Record<string, string>) =>
      collector.request('/api/tokens', { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: json({ name: 'x' }) });
    const foreign = await create({ origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).problems[0]).toMatch(/must come from this app's own pages \(Origin https:\/\/evil\.example/);
    expect((await create({})).status).toBe(403);
    expect((await create({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await create({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await create({ origin: collector.origin })).status).toBe(201);
    // A foreign page cannot sign a visitor out, nor sign them in to an account of its choosing.
    expect((await collector.request('/signout', { method: 'POST', headers: { cookie, origin: 'https://evil.example' } })).status).toBe(403);
    const loginCsrf = await collector.request('/signin', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: OWNER.email, password: OWNER.password }) });
    expect(loginCsrf.status).toBe(403);
    expect((await collector.request('/api/summary', { headers: { cookie } })).status).toBe(200);
  });

  it('lets the owner add staff, who read answers but cannot manage people', async () => {
    const owner = await signIn(collector);
    const add = (body: unknown, cookie = owner) =>
      collector.request('/api/users', { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/json' }), body: json(body) });
    const added = await add({ email: 'Somchai@Shop.Example', password: 'staff password 1' });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ email: 'somchai@shop.example', role: 'staff' });
    expect((await add({ email: 'somchai@shop.example', password: 'another password' })).status).toBe(409);
    const bad = await add({ email: 'not-an-email', password: 'short' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).problems).toEqual(['email must be an email address like owner@shop.example', 'password must be at least 10 characters long']);

    const staff = await signIn(collector, { email: 'somchai@shop.example', password: 'staff password 1' });
    expect((await collector.request('/api/responses.json', { headers: { cookie: staff } })).status).toBe(200);
    expect((await add({ email: 'sneaky@shop.example', password: 'staff password 2' }, staff)).status).toBe(403);
    expect((await collector.request('/api/users', { headers: { cookie: staff } })).status).toBe(403);
    const settings = await (await collector.request('/settings', { headers: { cookie: staff } })).text();
    expect(settings).not.toContain('Add a staff member');
    expect(settings).toContain('API tokens');

    // Through the settings page's form too; removing a person ends their sessions.
    const form = await collector.request('/settings/users', { method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams({ email: 'nok@shop.example', password: 'staff password 3' }) });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('nok@shop.example can sign in now.');
    const refused = await collector.request('/settings/users', { method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'th' }), body: new URLSearchParams({ email: 'nok', password: 'short' }) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/กรอกอีเมล เช่น name@shop\.example[\s\S]*รหัสผ่านต้องยาว 10 ถึง 200 ตัวอักษร/);
    const list = await (await collector.request('/api/users', { headers: { cookie: owner } })).json();
    const somchai = list.find((u: { email: string }) => u.email === 'somchai@shop.example');
    expect((await collector.request(`/api/users/${somchai.id}`, { method: 'DELETE', headers: asBrowser(collector, owner) })).status).toBe(204);
    expect((await collector.request('/api/responses.json', { headers: { cookie: staff } })).status).toBe(401);
  });

  it('creates an API token shown once, accepts it as Bearer for exports, and refuses it once revoked', async () => {
    const owner = await signIn(collector);
    const created = await collector.request('/api/tokens', { method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/json' }), body: json({ name: 'nightly export' }) });
    expect(created.status).toBe(201);
    const { token, secret } = await created.json();
    expect(secret).toMatch(/^hb_token_[\w-]{43}$/);
    expect(token).toMatchObject({ name: 'nightly export', email: OWNER.email });
    const listed = await (await collector.request('/api/tokens', { headers: { cookie: owner } })).text();
    expect(listed).toContain('nightly export');
    expect(listed).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    const csv = await collector.request('/api/responses.csv', { headers: bearer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('access-control-allow-origin')).toBeNull();
    expect(csv.headers.get('cache-control')).toBe('no-store');
    // A token reads; it does not manage people or tokens.
    expect((await collector.request('/api/tokens', { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: json({ name: 'more' }) })).status).toBe(403);
    expect((await collector.request('/api/users', { headers: bearer })).status).toBe(403);

    expect((await collector.request(`/api/tokens/${token.id}`, { method: 'DELETE', headers: asBrowser(collector, owner) })).status).toBe(204);
    expect((await collector.request('/api/responses.csv', { headers: bearer })).status).toBe(401);
    expect((await collector.request(`/api/tokens/${token.id}`, { method: 'DELETE', headers: asBrowser(collector, owner) })).status).toBe(404);
  });

  it('creates and revokes a token from the settings page, showing the secret once', async () => {
    const owner = await signIn(collector);
    const made = await collector.request('/settings/tokens', { method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams({ name: 'spreadsheet' }) });
    const page = await made.text();
    const secret = /<code id="new-token">(hb_token_[\w-]+)<\/code>/.exec(page)?.[1];
    expect(secret).toBeDefined();
    expect((await collector.request('/api/summary', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    expect(await (await collector.request('/settings', { headers: { cookie: owner } })).text()).not.toContain(secret!);
    const id = (await (await collector.request('/api/tokens', { headers: { cookie: owner } })).json()).find((t: { name: string }) => t.name === 'spreadsheet').id;
    const revoked = await collector.request(`/settings/tokens/${id}/revoke`, { method: 'POST', headers: asBrowser(collector, owner) });
    expect(revoked.status).toBe(303);
    expect((await collector.request('/api/summary', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
  });
});

describe(`two instances on one database (${databaseKind})`, () => {
  it('share sessions: signed in on one, signed in on the other; signed out on one, out on both', async () => {
    const db = await openTestDatabase();
    const second = await db.shared();
    const a = await startTestCollector({ db });
    const b = await startTestCollector({ db: second });
    try {
      const cookie = await signIn(a);
      expect((await b.request('/api/summary', { headers: { cookie } })).status).toBe(200);
      expect((await b.request('/signout', { method: 'POST', headers: asBrowser(b, cookie) })).status).toBe(303);
      expect((await a.request('/api/summary', { headers: { cookie } })).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
      await second.close();
      await db.close();
    }
  }, 60_000);
});

describe('the session cookie behind https', () => {
  it('is Secure and __Host- prefixed when HEARBACK_PUBLIC_URL is https, and sessions expire', async () => {
    let time = Date.now();
    const collector = await startTestCollector({ config: { publicUrl: 'https://feedback.shop.example' }, now: () => new Date(time) });
    try {
      const response = await collector.request('/signin', { method: 'POST', headers: { origin: 'https://feedback.shop.example', 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
      expect(response.status).toBe(200);
      const setCookie = response.headers.getSetCookie()[0];
      expect(setCookie).toMatch(/^__Host-hearback_session=/);
      expect(setCookie).toMatch(/Secure/);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      const cookie = setCookie.split(';')[0];
      expect((await collector.request('/api/summary', { headers: { cookie } })).status).toBe(200);
      time += 15 * 86_400_000;
      expect((await collector.request('/api/summary', { headers: { cookie } })).status).toBe(401);
    } finally {
      await collector.close();
    }
  }, 60_000);
});
