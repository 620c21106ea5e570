// Survey links through the real app: the owner's pages and forms, the public survey page, the
// single-use rule and the channel, on PGlite or (with DATABASE_URL) PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScriptFiles } from '../../src/script/script-files';
import { answer, asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';
import { signed } from './signed';

const PUBLIC_URL = 'https://feedback.shop.example';
const SHOP = 'https://shop.example';

describe(`survey links (${databaseKind})`, () => {
  let collector: TestCollector;
  let owner: string;
  let staff: string;

  const form = (cookie: string, path: string, fields: Record<string, string>) =>
    collector.request(path, {
      method: 'POST',
      headers: asBrowser(collector, cookie, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams(fields).toString(),
    });
  const post = (body: unknown, origin = PUBLIC_URL) =>
    collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin }, body: JSON.stringify(body) });
  // Read from the table itself: what is stored, whatever shape the exports give it.
  const stored = async (survey: string) =>
    (await collector.db.query<{ id: string; context: Record<string, string> | null }>('SELECT id, context FROM responses WHERE survey = $1 ORDER BY received_at, id', [survey])).rows;
  const dataOf = (page: string) => {
    const match = /data-hearback-link="([^"]*)"/.exec(page);
    return match ? JSON.parse(match[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) : undefined;
  };

  // A stand-in for the SDK's dist/ (the unit tests run before the build): the page loads whatever
  // the collector's script route serves.
  const dist = mkdtempSync(join(tmpdir(), 'hearback-dist-'));
  for (const name of ['hearback.min.js', 'hearback-0.1.0.min.js']) writeFileSync(join(dist, name), 'window.hearback=function(){};');

  beforeAll(async () => {
    collector = await startTestCollector({
      config: { publicUrl: PUBLIC_URL, allowedOrigins: [SHOP], rateLimit: { limit: 0, windowSeconds: 60 } },
      script: loadScriptFiles(dist),
    });
    await collector.accounts.users.add({ email: 'staff@shop.example', password: 'staff password 123', role: 'staff' });
    // The server is reached as 127.0.0.1 while HEARBACK_PUBLIC_URL names the public address, as
    // behind a reverse proxy: same-origin forms carry the public origin.
    const listening = collector.origin;
    collector = { ...collector, origin: PUBLIC_URL, request: (path, init) => fetch(`${listening}${path}`, { redirect: 'manual', ...init }) };
    owner = await signIn(collector);
    staff = await signIn(collector, { email: 'staff@shop.example', password: 'staff password 123' });
    expect((await form(owner, '/links/surveys', { id: 'after-meal', type: 'csat', questionTh: 'อาหารวันนี้เป็นอย่างไรบ้าง', contextKeys: 'branch, table' })).status).toBe(303);
    expect((await form(owner, '/links/surveys', { id: 'receipt', type: 'nps', contextKeys: 'branch', singleUse: 'on' })).status).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await collector?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('the owner pages need sign-in; staff may look but not change; changes pass the CSRF check', async () => {
    const anonymous = await collector.request('/links');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/signin?next=%2Flinks');
    expect((await collector.request('/links/after-meal/qr.png')).status).toBe(303);
    expect((await collector.request('/links/after-meal/poster')).status).toBe(303);

    const asStaff = await collector.request('/links', { headers: { cookie: staff } });
    expect(asStaff.status).toBe(200);
    const staffPage = await asStaff.text();
    expect(staffPage).toContain('after-meal');
    expect(staffPage).not.toContain('action="/links/surveys"');
    expect((await form(staff, '/links/surveys', { id: 'sneaky', type: 'nps' })).status).toBe(403);
    expect((await form(staff, '/links/look', { shopName: 'x', colour: '#000000' })).status).toBe(403);

    const forged = await collector.request('/links/surveys', {
      method: 'POST',
      headers: { cookie: owner, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=forged&type=nps',
    });
    expect(forged.status).toBe(403);
    expect((await collector.request('/links/forged', { headers: { cookie: owner } })).status).toBe(404);
  });

  it('deleting a survey takes a confirmation step (owner only); its link then says the survey does not exist', async () => {
    expect((await form(owner, '/links/surveys', { id: 'short-lived', type: 'ces' })).status).toBe(303);
    expect((await collector.request('/links/short-lived/delete', { headers: { cookie: staff } })).status).toBe(403);
    const confirm = await collector.request('/links/short-lived/delete', { headers: { cookie: owner, 'accept-language': 'en' } });
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain('already printed or sent will show “This survey does not exist”');
    expect(page).toContain('action="/links/surveys/short-lived/delete"');
    expect((await collector.request('/s/short-lived')).status).toBe(200);
    expect((await form(staff, '/links/surveys/short-lived/delete', {})).status).toBe(403);
    const deleted = await form(owner, '/links/surveys/short-lived/delete', {});
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/links?saved');
    expect((await collector.request('/s/short-lived')).status).toBe(404);
    expect((await form(owner, '/links/surveys/short-lived/delete', {})).status).toBe(404);
  });

  it('a bad survey form answers 400 naming each field by its label, ties each problem to its field, keeps what was typed, and never replaces a survey silently', async () => {
    const bad = await form(owner, '/links/surveys', { id: 'Bad Id', type: 'stars', contextKeys: 'branch, lang' });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('<a href="#new-id">Survey id</a>: use 1–48 characters of a-z, 0-9 and -');
    expect(page).toContain('<a href="#new-type">Question type</a>: choose NPS, CSAT or CES');
    expect(page).toContain('<a href="#new-contextKeys">Link fields</a>: “lang” is used by the survey page itself');
    // No internal key names the problem on the page.
    expect(page).not.toMatch(/contextKeys:|>id:|type: must/);
    // Each field with a problem is marked invalid and points at its own sentence, next to it.
    expect(page).toMatch(/<input id="new-id" name="id" value="Bad Id"[^>]* aria-describedby="new-id-hint new-id-error" aria-invalid="true">/);
    expect(page).toContain('<p class="field-error" id="new-id-error">use 1–48 characters');
    expect(page).toMatch(/<input id="new-contextKeys"[^>]* aria-describedby="new-keys-hint new-contextKeys-error" aria-invalid="true">/);
    expect(page).not.toMatch(/id="new-questionEn"[^>]*aria-invalid/);

    // The Thai page says the same in Thai.
    const thai = await (await collector.request('/links/surveys', {
      method: 'POST',
      headers: asBrowser(collector, `${owner}; hearback_lang=th`, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams({ id: 'Bad Id', type: 'nps' }).toString(),
    })).text();
    expect(thai).toContain('<a href="#new-id">รหัสแบบสอบถาม</a>: ใช้ a-z, 0-9 และ - ได้ 1–48 ตัว');
    expect(thai).not.toContain('use 1–48 characters');

    const clash = await form(owner, '/links/surveys', { id: 'after-meal', type: 'nps' });
    expect(clash.status).toBe(400);
    expect(await clash.text()).toContain('a survey “after-meal” already exists');

    const look = await form(owner, '/links/look', { shopName: 'Grandma', colour: 'red' });
    expect(look.status).toBe(400);
    const lookPage = await look.text();
    expect(lookPage).toContain('<a href="#look-colour">Colour</a>: “red” is not a colour: use #rrggbb');
    expect(lookPage).toMatch(/<input id="look-colour"[^>]* aria-describedby="look-colour-error" aria-invalid="true">/);
    expect((await form(owner, '/links/look', { shopName: 'ครัวคุณยาย', colour: '#B45309' })).status).toBe(303);
    const css = await collector.request('/s/_/shop.css');
    expect(await css.text()).toBe(':root{--shop:#b45309;--on-shop:#ffffff}\n');
  });

  it('the survey page is public, strict-CSP, and carries only the allowed, bounded context with channel link', async () => {
    const response = await collector.request(`/s/after-meal?branch=Siam&table=4&coupon=FREE&channel=web&table=9&lang=th&debug=1`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const page = await response.text();
    expect(page).toContain('<html lang="th">');
    expect(page).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=/);
    const config = dataOf(page);
    expect(config).toMatchObject({
      endpoint: `${PUBLIC_URL}/api/responses`,
      locale: 'th',
      survey: { id: 'after-meal', type: 'csat', question: 'อาหารวันนี้เป็นอย่างไรบ้าง', mode: 'inline', target: '#hearback-survey' },
      context: { branch: 'Siam', table: '4', channel: 'link' },
    });
    // The debug panel says what was left out and why.
    expect(page).toMatch(/<code>coupon<\/code>: not-allowed/);
    expect(page).toMatch(/<code>channel<\/code>: not-allowed/);
    expect(page).toMatch(/<code>table<\/code>: repeated/);
    expect(page).toContain('href="/s/after-meal?branch=Siam&amp;table=4&amp;coupon=FREE&amp;channel=web&amp;table=9&amp;lang=en&amp;debug=1"');

    const english = await (await collector.request('/s/after-meal', { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(dataOf(english)).toMatchObject({ locale: 'en', context: { channel: 'link' } });
    expect(dataOf(english).survey.question).toBeUndefined();
    expect(english).not.toContain('class="debug"');

    const missing = await collector.request('/s/no-such-survey?lang=en');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('This survey does not exist');
  });

  it('the survey page loads the SDK and its script from this app', async () => {
    const page = await (await collector.request('/s/after-meal')).text();
    const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/hearback.min.js', '/assets/survey-link.js']);
    for (const src of scripts) {
      const response = await collector.request(src);
      expect(response.status, src).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
    }
  });

  it('single-use: one answer per survey and order; the second is refused with 409 and the page says already counted', async () => {
    const a17 = await signed(collector.db, 'receipt', { order: 'A17', branch: 'Siam' });
    const first = answer({ survey: 'receipt', type: 'nps', score: 9, scale: [0, 10], url: `${PUBLIC_URL}/s/receipt`, context: { ...a17, channel: 'link' } });
    const second = answer({ survey: 'receipt', type: 'nps', score: 0, scale: [0, 10], url: `${PUBLIC_URL}/s/receipt`, context: { ...a17, channel: 'link' } });
    const link = `/s/receipt?${new URLSearchParams(a17)}&lang=en`;
    expect((await collector.request(link).then((r) => r.text()))).toContain('id="hearback-survey"');
    expect((await post(first)).status).toBe(201);
    expect((await post(first)).status).toBe(200);
    const refused = await post(second);
    expect(refused.status).toBe(409);
    expect((await refused.json()).problems[0]).toBe('survey "receipt" takes one answer per order, and order "A17" already has one');
    expect((await post(answer({ survey: 'receipt', type: 'nps', score: 5, scale: [0, 10], context: await signed(collector.db, 'receipt', { order: 'A18' }) }))).status).toBe(201);
    expect((await stored('receipt')).map((r) => r.context?.order).sort()).toEqual(['A17', 'A18']);

    const again = await collector.request(link);
    expect(again.status).toBe(200);
    const page = await again.text();
    expect(page).toContain('This order’s answer is already counted. Thank you!');
    expect(page).not.toContain('hearback-survey');

    const noOrder = await collector.request('/s/receipt?lang=th');
    expect(noOrder.status).toBe(400);
    expect(await noOrder.text()).toContain('ลิงก์นี้ต้องมีเลขออเดอร์จากใบเสร็จ');
    const withoutOrder = await post(answer({ survey: 'receipt', type: 'nps', score: 5, scale: [0, 10] }));
    expect(withoutOrder.status).toBe(400);
    expect((await withoutOrder.json()).problems[0]).toMatch(/^context\.order: survey "receipt" takes one answer per order/);
  });

  it('single-use holds when answers for one order race: exactly one is stored', async () => {
    const context = await signed(collector.db, 'receipt', { order: 'RACE-1' });
    const racing = Array.from({ length: 6 }, (_, i) => answer({ survey: 'receipt', type: 'nps', score: i, scale: [0, 10], context }));
    const statuses = (await Promise.all(racing.map((body) => post(body)))).map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await stored('receipt')).filter((r) => r.context?.order === 'RACE-1')).toHaveLength(1);
  });

  it('erasing the answer frees its order', async () => {
    const context = await signed(collector.db, 'receipt', { order: 'B1' });
    const first = answer({ survey: 'receipt', type: 'nps', score: 7, scale: [0, 10], context });
    expect((await post(first)).status).toBe(201);
    await collector.db.query('DELETE FROM responses WHERE id = $1', [first.id]);
    expect((await post(answer({ survey: 'receipt', type: 'nps', score: 8, scale: [0, 10], context }))).status).toBe(201);
  });

  it('every stored answer has a channel: kept when given, else kiosk, link (this app’s /s/ pages) or web', async () => {
    const given = answer({ survey: 'channels', context: { channel: 'link', table: '4' } });
    const kiosk = answer({ survey: 'channels', mode: 'kiosk', url: `${SHOP}/kiosk` });
    const link = answer({ survey: 'channels', mode: 'inline', url: `${PUBLIC_URL}/s/channels` });
    const web = answer({ survey: 'channels', url: `${SHOP}/checkout/done`, context: { orderId: 'A1' } });
    for (const body of [given, kiosk, link, web]) expect((await post(body, SHOP)).status).toBe(201);
    const byId = Object.fromEntries((await stored('channels')).map((r) => [r.id, r.context]));
    expect(byId[given.id]).toEqual({ channel: 'link', table: '4' });
    expect(byId[kiosk.id]).toEqual({ channel: 'kiosk' });
    expect(byId[link.id]).toEqual({ channel: 'link' });
    expect(byId[web.id]).toEqual({ orderId: 'A1', channel: 'web' });
  });

  it('the link builder: fields make the link; the QR code (SVG and PNG) decodes to exactly that link; bad values are refused', async () => {
    const builder = await collector.request('/links/after-meal?branch=%E0%B8%AA%E0%B8%A2%E0%B8%B2%E0%B8%A1&table=4', { headers: { cookie: staff } });
    expect(builder.status).toBe(200);
    const page = await builder.text();
    const link = `${PUBLIC_URL}/s/after-meal?branch=%E0%B8%AA%E0%B8%A2%E0%B8%B2%E0%B8%A1&table=4`;
    expect(page).toContain(`>${link.replace(/&/g, '&amp;')}</textarea>`);

    const png = await collector.request('/links/after-meal/qr.png?branch=%E0%B8%AA%E0%B8%A2%E0%B8%B2%E0%B8%A1&table=4&download=1', { headers: { cookie: staff } });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toBe('attachment; filename="after-meal-qr.png"');
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(link);

    const svg = await collector.request('/links/after-meal/qr.svg?table=4', { headers: { cookie: staff } });
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    const bad = await collector.request('/links/after-meal?branch=%3Cscript%3E&table=4', { headers: { cookie: staff } });
    expect(bad.status).toBe(400);
    const badPage = await bad.text();
    // The refused value is marked, tied to its sentence, and the sentence says it was left out.
    expect(badPage).toMatch(/<input id="field-branch"[^>]* aria-invalid="true" aria-describedby="field-branch-error">/);
    expect(badPage).toContain('<p class="field-error" id="field-branch-error">Left out of the link: use 1–64 letters');
    expect(badPage).toMatch(/<p class="field-error" id="field-table-error" hidden>/);
    // HEARBACK_PUBLIC_URL is a real address: no warning about this computer's address.
    expect(badPage).not.toContain('localhost-warning');
    expect(badPage).toContain(`>${PUBLIC_URL}/s/after-meal?table=4</textarea>`);
  });
});
