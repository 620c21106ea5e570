// Settings → Site: the owner sets allowed sites, the shop's look, time zone, public address,
// retention and the inbox due time in the app; they are stored in the database and take effect on
// every instance without a restart (two collectors on one database: on PGlite one database object,
// on PostgreSQL — the with-postgres step — a pool each). A refused site is listed with its count
// and allowed with one click; an environment variable wins and shows as locked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { answer, asBrowser, databaseKind, openTestDatabase, signIn, startTestCollector, type TestCollector } from '../harness';

const newSite = 'https://new-branch.example';

describe(`site settings in the app, live on every instance (${databaseKind})`, { timeout: 60_000 }, () => {
  let db: Database & { shared(): Promise<Database> };
  let second: Database;
  let changer: TestCollector;
  let receiver: TestCollector;
  let owner: string;

  const form = (cookie: string, path: string, fields: Record<string, string>) =>
    changer.request(path, { method: 'POST', headers: asBrowser(changer, cookie, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields).toString() });
  const postAnswer = (to: TestCollector, origin: string) =>
    to.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin }, body: JSON.stringify(answer()) });
  /** Polls `check` until it holds (the other instance reads the settings again within a second). */
  const eventually = async (check: () => Promise<boolean>, ms = 3000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return true;
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    second = await db.shared();
    changer = await startTestCollector({ db, config: { allowedOrigins: ['https://shop.example'], timezone: 'UTC' } });
    receiver = await startTestCollector({ db: second, config: { allowedOrigins: ['https://shop.example'], timezone: 'UTC' } });
    owner = await signIn(changer);
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await changer?.close();
    await second?.close();
    await db?.close();
  });

  it('a site refused on one instance is listed with its count on the other; one click allows it there and on every instance', async () => {
    for (let i = 0; i < 3; i++) {
      const refused = await postAnswer(receiver, newSite);
      expect(refused.status).toBe(403);
      expect((await refused.json()).problems[0]).toContain('Settings → Site');
    }
    const settings = await (await changer.request('/settings', { headers: { cookie: owner } })).text();
    expect(settings).toContain(`Answers from ${newSite} were refused 3 times today — allow this site?`);
    const thai = await (await changer.request('/settings', { headers: { cookie: `${owner}; hearback_lang=th` } })).text();
    expect(thai).toContain(`คำตอบจาก ${newSite} ถูกปฏิเสธ 3 ครั้งวันนี้ — อนุญาตเว็บไซต์นี้ไหม?`);

    const allowed = await form(owner, '/settings/sites/allow', { origin: newSite });
    expect(allowed.status).toBe(200);
    const page = await allowed.text();
    expect(page).toContain(`${newSite} may send answers now.`);
    expect(page).not.toContain('were refused');
    // At once on the instance that made the change, and within about a second on the other.
    expect((await postAnswer(changer, newSite)).status).toBe(201);
    expect(await eventually(async () => (await postAnswer(receiver, newSite)).status === 201)).toBe(true);
    // The allowed sites field lists both, one per line.
    expect(await (await changer.request('/settings', { headers: { cookie: owner } })).text()).toContain(`https://shop.example\n${newSite}</textarea>`);
  });

  it('a time zone, public address and inbox due time set on one instance are in effect on the other without a restart', async () => {
    const saved = await changer.request('/api/settings', {
      method: 'PUT', headers: asBrowser(changer, owner, { 'content-type': 'application/json' }),
      body: JSON.stringify({ timezone: 'Asia/Bangkok', publicUrl: 'https://feedback.shop.example', inboxDueHours: '24', shopName: 'ร้านสยาม', colour: '#0F766E' }),
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).settings).toMatchObject({ timezone: 'Asia/Bangkok', publicUrl: 'https://feedback.shop.example', inboxDueHours: 24, shopName: 'ร้านสยาม', colour: '#0f766e' });
    const receiverOwner = await signIn(receiver);
    expect(await eventually(async () => (await (await receiver.request('/dashboard', { headers: { cookie: receiverOwner } })).text()).includes('data-timezone="Asia/Bangkok"'))).toBe(true);
    expect(receiver.deps.settings.inboxDueHours()).toBe(24);
    // The survey page of the other instance shows the shop's name and colour.
    expect(await (await receiver.request('/s/_/shop.css')).text()).toContain('--shop:#0f766e');
    // Survey links are made with the public address now (the links feature reads config.publicUrl).
    expect(receiver.deps.config.publicUrl).toBe('https://feedback.shop.example');
    // This app's own origin is the public address now, so a form must come from it; a browser on
    // the app's pages also says Sec-Fetch-Site: same-origin, which is how the address is set back.
    expect((await form(owner, '/settings/site', { publicUrl: '' })).status).toBe(403);
    const back = await changer.request('/settings/site', {
      method: 'POST', headers: asBrowser(changer, owner, { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://feedback.shop.example', 'sec-fetch-site': 'same-origin' }),
      body: new URLSearchParams({ publicUrl: '' }).toString(),
    });
    expect(back.status).toBe(200);
    expect(changer.deps.config.publicUrl).toBeUndefined();
  });

  it('each bad field gets its own problem, in the page\'s language and next to the field; nothing is saved', async () => {
    const before = await (await changer.request('/api/settings', { headers: { cookie: owner } })).json();
    const api = await changer.request('/api/settings', {
      method: 'PUT', headers: asBrowser(changer, owner, { 'content-type': 'application/json' }),
      body: JSON.stringify({ allowedOrigins: 'https://shop.example/checkout', timezone: 'Bangkok', retentionDays: '0', inboxDueHours: 'two days', colour: 'red' }),
    });
    expect(api.status).toBe(400);
    const { problems } = await api.json();
    expect(problems).toEqual([
      expect.stringMatching(/^allowedOrigins: write each site as its address only/),
      expect.stringMatching(/^timezone: is not a time zone/),
      expect.stringMatching(/^retentionDays: a whole number of days from 1 to 36,500/),
      expect.stringMatching(/^colour: choose a colour as #rrggbb/),
      expect.stringMatching(/^inboxDueHours: a whole number of hours from 1 to 8,760/),
    ]);
    expect(await (await changer.request('/api/settings', { headers: { cookie: owner } })).json()).toEqual(before);

    const thai = await form(`${owner}; hearback_lang=th`, '/settings/site', { timezone: 'Bangkok', shopName: 'ร้านสยาม', colour: '#0f766e' });
    expect(thai.status).toBe(400);
    const page = await thai.text();
    expect(page).toContain('<a href="#site-timezone">เขตเวลา</a>: ไม่ใช่เขตเวลา ใช้ชื่อเช่น Asia/Bangkok, Europe/Berlin หรือ UTC');
    expect(page).toMatch(/<input id="site-timezone"[^>]*aria-describedby="site-timezone-hint site-timezone-error" aria-invalid="true">/);
    expect(page).toContain('value="Bangkok"');
  });

  it('a logo uploaded in settings shows on the survey page of every instance; a file that is no image is refused', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const upload = (file: Blob, name: string, cookie = owner) => {
      const body = new FormData();
      body.set('shopName', 'ครัวคุณยาย');
      body.set('colour', '#b45309');
      body.set('logo', file, name);
      return changer.request('/settings/site', { method: 'POST', headers: asBrowser(changer, cookie), body });
    };
    const fake = await upload(new Blob(['<script>alert(1)</script>'], { type: 'image/png' }), 'logo.png', `${owner}; hearback_lang=th`);
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain('<a href="#site-logo">โลโก้</a>: อัปโหลดรูป PNG, JPEG หรือ WebP ขนาดไม่เกิน 200 KB');
    expect((await receiver.request('/s/_/logo')).status).toBe(404);

    const uploaded = await upload(new Blob([png], { type: 'image/png' }), 'logo.png');
    expect(uploaded.status).toBe(200);
    const logo = await receiver.request('/s/_/logo');
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await logo.arrayBuffer()).equals(png)).toBe(true);
    await changer.request('/links/surveys', {
      method: 'POST', headers: asBrowser(changer, owner, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams({ id: 'table', type: 'csat' }).toString(),
    });
    const surveyPage = await (await receiver.request('/s/table')).text();
    expect(surveyPage).toContain('<p class="shop"><img class="shop-logo" src="/s/_/logo" alt="">ครัวคุณยาย</p>');
  });

  it('staff cannot change site settings', async () => {
    await changer.accounts.users.add({ email: 'staff@shop.example', password: 'staff password 123', role: 'staff' });
    const staff = await signIn(changer, { email: 'staff@shop.example', password: 'staff password 123' });
    expect((await form(staff, '/settings/sites/allow', { origin: 'https://evil.example' })).status).toBe(403);
    expect(await (await changer.request('/settings', { headers: { cookie: staff } })).text()).not.toContain('id="site"');
  });
});

describe(`a setting the environment sets is locked in the app (${databaseKind})`, () => {
  let collector: TestCollector;
  let owner: string;
  beforeAll(async () => {
    collector = await startTestCollector({ config: { allowedOrigins: ['https://shop.example'], timezone: 'Europe/Berlin', locked: { allowedOrigins: 'HEARBACK_ALLOWED_ORIGINS', timezone: 'HEARBACK_TIMEZONE' } } });
    owner = await signIn(collector);
  }, 60_000);
  afterAll(() => collector?.close());

  it('shows the variable\'s name, keeps the environment\'s value, and a refused site says where to add it', async () => {
    const saved = await collector.request('/api/settings', {
      method: 'PUT', headers: asBrowser(collector, owner, { 'content-type': 'application/json' }),
      body: JSON.stringify({ timezone: 'Asia/Bangkok', allowedOrigins: 'https://other.example', retentionDays: '90' }),
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).settings).toMatchObject({ timezone: 'Europe/Berlin', allowedOrigins: ['https://shop.example'], retentionDays: 90 });
    expect((await collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain', origin: newSite }, body: JSON.stringify(answer()) })).status).toBe(403);
    const page = await (await collector.request('/settings', { headers: { cookie: owner } })).text();
    expect(page).toContain('Set by HEARBACK_TIMEZONE on the server; change it there.');
    expect(page).toMatch(/<input id="site-timezone" name="timezone" type="text" value="Europe\/Berlin"[^>]* disabled/);
    expect(page).toContain(`Allowed sites are set by HEARBACK_ALLOWED_ORIGINS on the server: add ${newSite} there.`);
    expect(page).not.toContain('action="/settings/sites/allow"');
  });
});
