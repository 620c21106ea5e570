// The signed-in shell, security headers, language, health, the request log, answer hooks and
// first-owner setup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerRefused } from '../src/answer-refused';
import { ensureOwner } from '../src/auth/first-owner';
import { OWNER, answer, asBrowser, databaseKind, openTestDatabase, signIn, startTestCollector, type TestCollector } from './harness';

const strictPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

describe(`the signed-in shell (${databaseKind})`, () => {
  let collector: TestCollector;
  let cookie: string;
  const lines: string[] = [];

  beforeAll(async () => {
    collector = await startTestCollector({ log: { info: (fields) => lines.push(JSON.stringify(fields)), error: () => {} } });
    cookie = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it('serves the client\'s source maps to people signed in only', async () => {
    const anonymous = await collector.request('/assets/dashboard.js.map');
    expect(anonymous.status).toBe(404);
    expect(await anonymous.text()).not.toContain('sourcesContent');
    expect((await collector.request('/assets/dashboard.js')).status).toBe(200);
    const signedIn = await collector.request('/assets/dashboard.js.map', { headers: { cookie } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain('"sources"');
  });

  it('sends the strict CSP and the other security headers on pages, APIs and errors alike', async () => {
    for (const [path, headers] of [['/dashboard', { cookie }], ['/signin', {}], ['/api/summary', {}], ['/no-such-page', {}], ['/healthz', {}]] as const) {
      const response = await collector.request(path, { headers });
      expect(response.headers.get('content-security-policy'), path).toBe(strictPolicy);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('strict-transport-security'), path).toBeNull(); // plain http here
    }
  });

  it('has nothing inline for the CSP to block: every script and style comes from /assets/, and they are served', async () => {
    const html = await (await collector.request('/dashboard', { headers: { cookie } })).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['/assets/shell.css', '/assets/dashboard.css', '/assets/dashboard.js']));
    for (const asset of assets) {
      const first = await collector.request(asset);
      expect(first.status, asset).toBe(200);
      const tag = first.headers.get('etag');
      expect(tag, asset).toBeTruthy();
      expect((await collector.request(asset, { headers: { 'if-none-match': tag! } })).status, asset).toBe(304);
    }
  });

  it('shows the menu entries that exist, marks the current one, and speaks Thai when asked', async () => {
    const english = await (await collector.request('/settings', { headers: { cookie, 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(english).toMatch(/<html lang="en">/);
    expect([...english.matchAll(/<li><a href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/inbox', '/dashboard', '/response-rates', '/comments', '/app/surveys', '/links', '/line', '/alerts', '/app/snippet', '/settings']);
    expect(english).toContain('<a href="/settings" aria-current="page">Settings</a>');
    const thai = await (await collector.request('/settings', { headers: { cookie, 'accept-language': 'th-TH,th;q=0.9,en;q=0.5' } })).text();
    expect(thai).toMatch(/<html lang="th">/);
    expect(thai).toContain('>แดชบอร์ด</a>');
    expect(thai).toContain('ออกจากระบบ');
  });

  it('switches language with the shell\'s button (a cookie), and returns to the page', async () => {
    const response = await collector.request('/lang', { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams({ lang: 'th', back: '/settings' }) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/settings');
    const lang = response.headers.getSetCookie()[0].split(';')[0];
    expect(lang).toBe('hearback_lang=th');
    const page = await (await collector.request('/settings', { headers: { cookie: `${cookie}; ${lang}`, 'accept-language': 'en' } })).text();
    expect(page).toMatch(/<html lang="th">/);
    const offsite = await collector.request('/lang', { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams({ lang: 'en', back: 'https://evil.example/' }) });
    expect(offsite.headers.get('location')).toBe('/');
  });

  it('answers an unknown address with a 404 page for browsers and a problem for APIs', async () => {
    const page = await collector.request('/no-such-page', { headers: { accept: 'text/html', 'accept-language': 'th' } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('ไม่พบหน้านี้');
    const api = await collector.request('/api/no-such-thing', { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ problems: ['no route GET /api/no-such-thing'] });
  });

  it('sends / to the first menu entry once signed in, to sign-in otherwise', async () => {
    expect((await collector.request('/', { headers: { cookie } })).headers.get('location')).toBe('/inbox');
    expect((await collector.request('/')).headers.get('location')).toBe('/signin');
  });

  it('logs one JSON line per request: method, route pattern, status, ms — no query, no body, no secret', async () => {
    lines.length = 0;
    await collector.request('/api/responses', { method: 'POST', body: JSON.stringify(answer({ comment: 'private words' })) });
    await collector.request('/api/responses.json?survey=secret-survey', { headers: { cookie } });
    await collector.request('/api/tokens/some-id', { method: 'DELETE', headers: asBrowser(collector, cookie) });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { method: 'POST', route: '/api/responses', status: 201, ms: expect.any(Number) },
      { method: 'GET', route: '/api/responses.json', status: 200, ms: expect.any(Number) },
      { method: 'DELETE', route: '/api/tokens/:id', status: 404, ms: expect.any(Number) },
    ]);
    expect(lines.join('\n')).not.toMatch(/private words|secret-survey|hb_session|some-id/);
  });

  it('answers /healthz with 200 while the database answers', async () => {
    const response = await collector.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: collector.db.kind });
  });
});

describe(`answer hooks run in the transaction that stores the answer (${databaseKind})`, () => {
  let collector: TestCollector;
  let failNext = false;
  let refuseNext: AnswerRefused | undefined;

  beforeAll(async () => {
    collector = await startTestCollector();
    await collector.db.exec('CREATE TABLE hook_log (answer_id text NOT NULL, event text NOT NULL)');
    collector.answerHooks.onAnswerStored(async (tx, stored) => {
      await tx.query('INSERT INTO hook_log (answer_id, event) VALUES ($1, $2)', [stored.id, 'stored']);
      if (failNext) {
        failNext = false;
        throw new Error('the hook failed');
      }
      if (refuseNext) {
        const refusal = refuseNext;
        refuseNext = undefined;
        throw refusal;
      }
    });
    collector.answerHooks.onAnswerCompleted(async (tx, completed) => {
      await tx.query('INSERT INTO hook_log (answer_id, event) VALUES ($1, $2)', [completed.id, `completed: ${completed.comment}`]);
    });
  }, 60_000);
  afterAll(() => collector?.close());

  const post = (body: object) => collector.request('/api/responses', { method: 'POST', body: JSON.stringify(body) });
  const log = async (id: string) => (await collector.db.query('SELECT event FROM hook_log WHERE answer_id = $1 ORDER BY event', [id])).rows.map((r) => r.event);

  it('calls onAnswerStored once per new answer and onAnswerCompleted when a repeat with its key adds the comment', async () => {
    const first = answer({ key: 'q3Xk0v_2-Lm9Zt7RbY1cWdEa' });
    expect((await post(first)).status).toBe(201);
    expect((await post(first)).status).toBe(200);
    expect((await post({ ...first, comment: 'later' })).status).toBe(200);
    expect(await log(first.id)).toEqual(['completed: later', 'stored']);
  });

  it('rolls the answer back with the hook when the hook throws: 503, so the SDK retries, and the retry is stored once', async () => {
    failNext = true;
    const retried = answer();
    const failed = await post(retried);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('5');
    expect((await collector.db.query('SELECT count(*)::int AS n FROM responses WHERE id = $1', [retried.id])).rows[0].n).toBe(0);
    expect(await log(retried.id)).toEqual([]);
    expect((await post(retried)).status).toBe(201);
    expect(await log(retried.id)).toEqual(['stored']);
  });

  it('answers a hook\'s AnswerRefused with its status and message, storing nothing', async () => {
    for (const status of [409, 400] as const) {
      refuseNext = new AnswerRefused(status, `refused with ${status} by the owner's rules`);
      const refused = answer();
      const response = await post(refused);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ problems: [`refused with ${status} by the owner's rules`] });
      expect(await log(refused.id)).toEqual([]);
    }
  });
});

describe(`the first owner (${databaseKind})`, () => {
  it('comes from a one-time setup link when no admin variables are set', async () => {
    const db = await openTestDatabase();
    const collector = await startTestCollector({ db });
    try {
      await db.query('DELETE FROM users');
      const made = await ensureOwner({ db, users: collector.accounts.users, config: {}, origin: collector.origin });
      const setupUrl = made && 'setupUrl' in made ? new URL(made.setupUrl) : undefined;
      expect(setupUrl?.pathname).toBe('/setup');
      const token = setupUrl!.searchParams.get('token')!;
      expect((await collector.request(`/setup?token=${token}`)).status).toBe(200);
      expect((await collector.request('/setup?token=guessed')).status).toBe(404);
      const form = (fields: Record<string, string>) =>
        collector.request('/setup', { method: 'POST', headers: { origin: collector.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
      const weak = await form({ token, email: 'first@shop.example', password: 'short' });
      expect(weak.status).toBe(400);
      expect(await weak.text()).toContain('The password must be 10 to 200 characters long.');
      const created = await form({ token, email: 'first@shop.example', password: 'first owner password' });
      expect(created.status).toBe(303);
      expect(created.headers.getSetCookie()[0]).toMatch(/^hearback_session=/);
      expect(await collector.accounts.users.list()).toMatchObject([{ email: 'first@shop.example', role: 'owner' }]);
      expect((await form({ token, email: 'second@shop.example', password: 'second owner password' })).status).toBe(404);
      // With an account in place, start-up creates nothing more.
      expect(await ensureOwner({ db, users: collector.accounts.users, config: { admin: { email: OWNER.email, password: OWNER.password } }, origin: collector.origin })).toBeNull();
    } finally {
      await collector.close();
      await db.close();
    }
  }, 60_000);
});
