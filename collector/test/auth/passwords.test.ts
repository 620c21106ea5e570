// Changing your password in the app, and the one-time reset link `hearback-collector user
// reset-password` prints: as the owner would use them, and as a stranger would try them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type CollectorApp } from '../../src/app';
import { testConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { silentLog } from '../../src/http/log';
import { createPasswordResets } from '../../src/auth/password-resets';
import { OWNER } from '../harness';
import { runCommandLine } from '../support/run-command-line';

const ORIGIN = 'http://localhost';
const STAFF = { email: 'staff@shop.example', password: 'staff password 123' };
const NEW_PASSWORD = 'a brand new passphrase';

describe('passwords', { timeout: 120_000 }, () => {
  let dataDir: string;
  let db: Database;
  let collector: CollectorApp;
  let clock = Date.parse('2026-12-07T03:00:00Z');
  let resetUrl: string;

  const request = (path: string, { cookie, form, origin = ORIGIN, lang = 'en' }: { cookie?: string; form?: Record<string, string>; origin?: string; lang?: string } = {}) =>
    collector.app.request(path, {
      method: form ? 'POST' : 'GET',
      headers: { origin, 'accept-language': lang, ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
  const signIn = async ({ email, password }: { email: string; password: string }) => {
    const response = await collector.app.request('/signin', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return response.status === 200 ? response.headers.getSetCookie()[0].split(';')[0] : response.status;
  };
  const signedIn = async (cookie: string) => (await request('/api/cases', { cookie })).status;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hearback-passwords-'));
    // The CLI and the app use the same PGlite folder, one after the other (one process at a time holds it).
    const first = await openDatabase({ dataDir });
    await migrate(first.db);
    collector = createApp({ db: first.db, config: testConfig(), log: silentLog });
    await collector.accounts.users.add({ ...OWNER, role: 'owner' });
    await collector.accounts.users.add({ ...STAFF, role: 'staff' });
    await first.db.close();
    const env = { HEARBACK_DATA_DIR: dataDir, HEARBACK_PUBLIC_URL: 'https://feedback.shop.example' };
    const printed = await runCommandLine(['user', 'reset-password', ' Owner@Shop.example '], env);
    expect(printed).toMatchObject({ code: 0, err: expect.stringMatching(/^a one-time link for owner@shop\.example, valid until .* \(60 minutes\); it is shown once:\n$/) });
    resetUrl = printed.out.trim();
    expect(resetUrl).toMatch(/^https:\/\/feedback\.shop\.example\/reset-password\?token=hb_reset_[\w-]{43}$/);
    expect(await runCommandLine(['user', 'reset-password', 'nobody@shop.example'], env)).toMatchObject({ code: 1, out: '', err: 'hearback-collector user reset-password: no account for nobody@shop.example\n' });
    db = (await openDatabase({ dataDir })).db;
    collector = createApp({ db, config: testConfig(), log: silentLog, now: () => new Date(clock) });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a stranger cannot reach the change form, and a forged cross-site post changes nothing', async () => {
    const page = await request('/account/password');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/signin?next=%2Faccount%2Fpassword');
    const post = await request('/account/password', { form: { current: OWNER.password, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect([page.status, post.status, post.headers.get('location')]).toEqual([303, 303, '/signin']);
    const cookie = (await signIn(STAFF)) as string;
    const forged = await request('/account/password', { cookie, origin: 'https://evil.example', form: { current: STAFF.password, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(forged.status).toBe(403);
    expect(typeof (await signIn(STAFF))).toBe('string'); // the old password still works
  });

  it('says what is wrong with each field, in English and Thai, and changes nothing', async () => {
    const cookie = (await signIn(STAFF)) as string;
    const empty = await request('/account/password', { cookie, form: { current: '', password: 'short', confirm: 'short' } });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toMatch(/id="current"[^>]*aria-invalid="true"[^>]*aria-describedby="current-error"/);
    expect(html).toContain('<p class="error" id="current-error">Enter your current password.</p>');
    expect(html).toContain('<p class="error" id="password-error">The new password must be 10 to 200 characters long.</p>');
    const differ = await request('/account/password', { cookie, lang: 'th', form: { current: STAFF.password, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` } });
    expect(differ.status).toBe(400);
    expect(await differ.text()).toContain('รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน');
    const wrong = await request('/account/password', { cookie, form: { current: 'not my password', password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('That is not your current password.');
    const json = await collector.app.request('/account/password', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ current: STAFF.password, password: STAFF.password, confirm: STAFF.password }) });
    expect(json.status).toBe(400);
    expect((await json.json()).problems).toEqual(['password: The new password is the same as the current one; choose another.']);
    expect(typeof (await signIn(STAFF))).toBe('string');
  });

  it('changing it keeps this sign-in, ends the others, and the new password is the one that works', async () => {
    const here = (await signIn(STAFF)) as string;
    const phone = (await signIn(STAFF)) as string;
    const changed = await request('/account/password', { cookie: here, lang: 'th', form: { current: STAFF.password, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('เปลี่ยนรหัสผ่านแล้ว');
    expect(await signedIn(here)).toBe(200);
    expect(await signedIn(phone)).toBe(401);
    expect(await signIn(STAFF)).toBe(401);
    expect(typeof (await signIn({ ...STAFF, password: NEW_PASSWORD }))).toBe('string');
  });

  it('the reset link sets a new password once and signs the owner out everywhere; a used, wrong or expired link is a clear 4xx', async () => {
    const before = (await signIn(OWNER)) as string;
    const path = new URL(resetUrl).pathname + new URL(resetUrl).search;
    const token = new URL(resetUrl).searchParams.get('token')!;
    const form = await request(path);
    expect(form.status).toBe(200);
    expect(form.headers.get('referrer-policy')).toBe('no-referrer'); // the token does not leave in a Referer
    expect(await form.text()).toContain('For owner@shop.example.');
    const mismatch = await request('/reset-password', { form: { token, password: NEW_PASSWORD, confirm: 'something else entirely' } });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('The two new passwords differ');
    const done = await request('/reset-password', { form: { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Your new password is set. Sign in with it.');
    expect(await signedIn(before)).toBe(401);
    expect(await signIn(OWNER)).toBe(401);
    expect(typeof (await signIn({ ...OWNER, password: NEW_PASSWORD }))).toBe('string');

    const reused = await request('/reset-password', { form: { token, password: 'yet another passphrase', confirm: 'yet another passphrase' } });
    expect(reused.status).toBe(409);
    expect(await reused.text()).toContain('This password link has been used already');
    expect((await request(path)).status).toBe(409);
    const wrong = await request(`/reset-password?token=${token.slice(0, -2)}xx`, { lang: 'th' });
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain('ลิงก์ตั้งรหัสผ่านนี้ใช้ไม่ได้');
    expect((await request('/reset-password')).status).toBe(404);

    const owner = await collector.accounts.users.withPassword(OWNER.email);
    const late = await createPasswordResets(db, () => new Date(clock)).create(owner!.id);
    clock += 61 * 60_000;
    const expired = await request('/reset-password', { form: { token: late.secret, password: 'expired passphrase!', confirm: 'expired passphrase!' } });
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain('This password link has expired (links work for one hour)');
    expect(typeof (await signIn({ ...OWNER, password: NEW_PASSWORD }))).toBe('string');
    // Only the hash of a link is stored.
    const stored = await db.query('SELECT token_hash FROM password_resets');
    expect(JSON.stringify(stored.rows)).not.toContain(token);
  });
});
