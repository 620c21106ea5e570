// The survey editor and published surveys through the real app (`app.request()`): what the owner
// saves is what the widget accepts, publish and unpublish reach `GET /api/surveys.json` on the next
// read, staff only look, and the history says who did what. Run on PGlite and on PostgreSQL.
import { checkSurvey } from 'hearback/receiver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type CollectorApp } from '../../src/app';
import { testConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { silentLog } from '../../src/http/log';
import { loadScriptFiles } from '../../src/script/script-files';
import { surveyTemplates } from '../../src/surveys/templates';
import { OWNER, sessionCookieOf } from '../harness';

const APP = 'https://feedback.shop.example';
const SHOP = 'https://shop.example';

export function surveysSuite(kind: string, openDatabase: () => Promise<Database>, { skip = false } = {}) {
  describe.skipIf(skip)(`survey editor and published surveys (${kind})`, () => {
    let db: Database;
    let collector: CollectorApp;
    let owner: string;
    let staff: string;

    const request = (path: string, init: RequestInit = {}) => collector.app.request(path, init);
    const form = (cookie: string, path: string, fields: Record<string, string>, lang = 'en') =>
      request(path, { method: 'POST', headers: { cookie: `${cookie}; hearback_lang=${lang}`, origin: APP, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const signIn = async (email: string, password: string) =>
      sessionCookieOf(await request('/signin', { method: 'POST', headers: { origin: APP, 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }));
    const published = (headers: Record<string, string> = { origin: SHOP }) => request('/api/surveys.json', { headers });
    const csat = { id: 'after-checkout', type: 'csat', 'question.en': 'How satisfied are you with your checkout today?', 'question.th': 'คุณพอใจกับการชำระเงินวันนี้แค่ไหน', 'trigger.event': 'checkout', cooldownDays: '1', sampleRate: '100' };

    beforeAll(async () => {
      db = await openDatabase();
      collector = createApp({ db, config: testConfig({ publicUrl: APP, allowedOrigins: [SHOP] }), log: silentLog, script: loadScriptFiles('/nonexistent') });
      await collector.accounts.users.add({ ...OWNER, role: 'owner' });
      await collector.accounts.users.add({ email: 'staff@shop.example', password: 'staff password 123', role: 'staff' });
      owner = await signIn(OWNER.email, OWNER.password);
      staff = await signIn('staff@shop.example', 'staff password 123');
    }, 60_000);
    afterAll(async () => {
      await db?.close();
    });

    it('every template passes the widget’s own survey schema', () => {
      for (const [name, template] of Object.entries(surveyTemplates)) expect(checkSurvey(template).ok, name).toBe(true);
    });

    it('saves a draft the widget accepts; nothing is served until it is published; publish and unpublish reach the next read', async () => {
      expect(await (await published()).json()).toEqual([]);
      const saved = await form(owner, '/app/surveys', {
        ...csat,
        'followUp.detractor.en': 'What went wrong?', 'followUp.detractor.th': 'เกิดอะไรขึ้น',
        'thankYou.promoter.en': 'Thanks, {name}!', reasons: 'Delivery\nPrice\n',
        askContact: 'on', 'contact.phone': 'on', 'contact.line': 'on',
        reviewUrl: 'https://g.page/r/shop/review', 'reviewLabel.en': 'Review us on Google', 'reviewLabel.th': 'รีวิวเราบน Google',
        'trigger.url': '/checkout/*', 'trigger.scroll': '50', mode: 'popup', style: 'smileys', accent: '#0F766E', position: 'bottom-left',
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toBe('/app/surveys/after-checkout?done=saved');
      expect(await (await published()).json()).toEqual([]);

      expect((await form(owner, '/app/surveys/after-checkout/publish', {})).status).toBe(303);
      const live = await published();
      expect(live.status).toBe(200);
      expect(live.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect(live.headers.get('cache-control')).toBe('no-cache');
      const surveys = await live.json();
      expect(surveys).toEqual([{
        id: 'after-checkout', type: 'csat', style: 'smileys',
        question: { en: 'How satisfied are you with your checkout today?', th: 'คุณพอใจกับการชำระเงินวันนี้แค่ไหน' },
        followUp: { detractor: { en: 'What went wrong?', th: 'เกิดอะไรขึ้น' } },
        thankYou: { promoter: { en: 'Thanks, {name}!' } },
        reasons: ['Delivery', 'Price'],
        askContact: { ways: ['phone', 'line'] },
        reviewLink: { url: 'https://g.page/r/shop/review', label: { en: 'Review us on Google', th: 'รีวิวเราบน Google' } },
        trigger: { event: 'checkout', url: '/checkout/*', scroll: 50 },
        cooldownDays: 1,
      }]);
      // What is served is exactly what the widget accepts in `surveys`.
      for (const survey of surveys) expect(checkSurvey(survey)).toMatchObject({ ok: true });

      // An edit stays a draft until published; then the next read has it (a new ETag).
      const etag = live.headers.get('etag')!;
      expect((await published({ origin: SHOP, 'if-none-match': etag })).status).toBe(304);
      expect((await form(owner, '/app/surveys', { ...csat, existing: 'on', 'question.en': 'Was checkout easy today?' })).status).toBe(303);
      expect((await (await published()).json())[0].question.en).toBe('How satisfied are you with your checkout today?');
      const editor = await (await request('/app/surveys/after-checkout', { headers: { cookie: owner } })).text();
      expect(editor).toContain('This draft differs from what is published');
      expect((await form(owner, '/app/surveys/after-checkout/publish', {})).status).toBe(303);
      const changed = await published({ origin: SHOP, 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect((await changed.json())[0].question.en).toBe('Was checkout easy today?');

      expect((await form(owner, '/app/surveys/after-checkout/unpublish', {})).status).toBe(303);
      expect(await (await published()).json()).toEqual([]);
    });

    it('serves published surveys to allowed sites only: CORS for them, 403 naming the fix for others, a preflight for If-None-Match', async () => {
      const stranger = await published({ origin: 'https://evil.example' });
      expect(stranger.status).toBe(403);
      // The refused page may read the refusal (the widget prints its fix), and nothing else.
      expect(stranger.headers.get('access-control-allow-origin')).toBe('https://evil.example');
      expect(stranger.headers.get('access-control-expose-headers')).toBeNull();
      expect((await stranger.json()).problems[0]).toBe('published surveys are not served to https://evil.example: this site is not allowed. Allow it in the app (Settings → Site; it is listed under Refused sites) or in HEARBACK_ALLOWED_ORIGINS');
      const server = await published({});
      expect(server.status).toBe(200);
      expect(server.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await request('/api/surveys.json', { method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('if-none-match');
      const refused = await request('/api/surveys.json', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('lists a site whose pages read the surveys before it is allowed under Settings → Refused sites, with its count', async () => {
      // A page with only the app's snippet reads its surveys before it can ask anything: without
      // this, a site not yet allowed would never reach the owner's list.
      const site = 'https://www.shop.example';
      for (let i = 0; i < 3; i++) expect((await published({ origin: site })).status).toBe(403);
      const page = await (await request('/settings', { headers: { cookie: owner } })).text();
      expect(page).toContain(`Answers from ${site} were refused 3 times today — allow this site?`);
      expect(page).toContain(`aria-label="Allow ${site}"`);
    });

    it('refuses a bad form with 400, each problem tied to its field in the page’s language, and keeps what was typed', async () => {
      const bad = { ...csat, id: 'kiosk-1', 'trigger.delay': 'soon', 'trigger.scroll': '150', sampleRate: '120', reviewUrl: 'http://g.page/review', 'reviewLabel.en': 'Review us', mode: 'kiosk', kioskIdle: '1' };
      const page = await form(owner, '/app/surveys', bad);
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('<a href="#f-trigger-delay">Seconds after the page loads</a>: must be a number (got &quot;soon&quot;)');
      expect(html).toContain('<a href="#f-trigger-scroll">After scrolling down (% of the page)</a>: must be a scroll depth in percent from 1 to 100');
      expect(html).toContain('<a href="#f-sampleRate">Share of visitors asked (%)</a>: must be a percentage from 0 to 100');
      expect(html).toMatch(/<a href="#f-reviewUrl">[^<]+<\/a>: must be an https URL/);
      expect(html).toMatch(/<a href="#f-kioskIdle">[^<]+<\/a>: must be a number of seconds without input from 2 to 3600/);
      expect(html).toMatch(/id="f-trigger-scroll" name="trigger.scroll" value="150"[^>]*aria-describedby="f-trigger-scroll-error" aria-invalid="true"/);
      const thai = await (await form(owner, '/app/surveys', bad, 'th')).text();
      expect(thai).toContain('<a href="#f-trigger-scroll">หลังเลื่อนหน้าลง (% ของหน้า)</a>: ใส่เปอร์เซ็นต์ 1 ถึง 100');
      const json = await request('/app/surveys', { method: 'POST', headers: { cookie: owner, origin: APP, 'content-type': 'application/json' }, body: JSON.stringify({ ...bad, 'trigger.delay': '5' }) });
      expect(json.status).toBe(400);
      expect((await json.json()).problems).toEqual(expect.arrayContaining(['trigger.scroll: must be a scroll depth in percent from 1 to 100', 'sampleRate: must be a percentage from 0 to 100']));
      expect((await request('/app/surveys/kiosk-1', { headers: { cookie: owner } })).status).toBe(404);
    });

    it('a new survey never replaces one with the same id (409), and the editor’s own page names are refused as ids', async () => {
      await form(owner, '/app/surveys', { id: 'nps', type: 'nps' });
      const clash = await request('/app/surveys', { method: 'POST', headers: { cookie: owner, origin: APP, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'nps', type: 'ces' }) });
      expect(clash.status).toBe(409);
      expect((await clash.json()).problems[0]).toMatch(/^id: a survey "nps" already exists/);
      const reserved = await request('/app/surveys', { method: 'POST', headers: { cookie: owner, origin: APP, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'new', type: 'ces' }) });
      expect(reserved.status).toBe(400);
    });

    it('staff see the editor read-only and may preview; only the owner saves, publishes or deletes; strangers are sent to sign in', async () => {
      const page = await (await request('/app/surveys/nps', { headers: { cookie: staff } })).text();
      expect(page).toContain('Only the owner can change surveys');
      expect(page).toMatch(/<fieldset class="card" disabled>/);
      expect(page).not.toContain('action="/app/surveys/nps/publish"');
      expect((await form(staff, '/app/surveys', { id: 'nps', type: 'nps', existing: 'on', 'question.en': 'Hi' })).status).toBe(403);
      expect((await form(staff, '/app/surveys/nps/publish', {})).status).toBe(403);
      expect((await form(staff, '/app/surveys/nps/delete', { confirm: 'yes' })).status).toBe(403);
      expect((await form(staff, '/app/surveys/check', { id: 'nps', type: 'nps' })).status).toBe(200);
      expect((await request('/app/surveys')).status).toBe(303);
      expect((await request('/app/surveys/check', { method: 'POST', headers: { origin: APP } })).status).toBe(401);
      // Cross-site form posts are refused by the CSRF check.
      expect((await request('/app/surveys/nps/publish', { method: 'POST', headers: { cookie: owner, origin: 'https://evil.example' } })).status).toBe(403);
    });

    it('keeps a short history: who created, changed (which parts), published, unpublished; delete asks first', async () => {
      await form(owner, '/app/surveys', { id: 'after-support', type: 'ces' });
      await form(owner, '/app/surveys', { id: 'after-support', type: 'ces', existing: 'on', 'question.en': 'How easy was it to get help today?', 'trigger.event': 'support-closed' });
      await form(owner, '/app/surveys/after-support/publish', {});
      await form(owner, '/app/surveys/after-support/unpublish', {});
      const page = await (await request('/app/surveys/after-support', { headers: { cookie: staff } })).text();
      const history = page.slice(page.indexOf('id="history-title"'));
      const actions = [...history.matchAll(/<strong>(\w+)<\/strong>( <span class="muted">\(([^)]*)\)<\/span>)?/g)].map((m) => [m[1], m[3] ?? '']);
      expect(actions).toEqual([['unpublished', ''], ['published', ''], ['changed', 'question, when to ask'], ['created', '']]);
      expect(history).toContain(OWNER.email);

      const ask = await form(owner, '/app/surveys/after-support/delete', {});
      expect(ask.status).toBe(200);
      expect(await ask.text()).toContain('Delete “after-support”?');
      expect((await request('/app/surveys/after-support', { headers: { cookie: owner } })).status).toBe(200);
      expect((await form(owner, '/app/surveys/after-support/delete', { confirm: 'yes' })).status).toBe(303);
      expect((await request('/app/surveys/after-support', { headers: { cookie: owner } })).status).toBe(404);
      const { rows } = await db.query<{ action: string }>("SELECT action FROM survey_history WHERE survey_id = 'after-support' ORDER BY id DESC LIMIT 1");
      expect(rows[0].action).toBe('deleted');
    });

    it('the check route turns the form into the definition the preview shows, Thai and English alike', async () => {
      const response = await form(owner, '/app/surveys/check', { ...csat, mode: 'kiosk', kioskIdle: '45', accent: '#0f766e' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        survey: { id: 'after-checkout', type: 'csat', mode: 'kiosk', kioskIdle: 45, question: { en: csat['question.en'], th: csat['question.th'] }, trigger: { event: 'checkout' }, cooldownDays: 1 },
        look: { accent: '#0f766e' },
      });
      const thai = await form(owner, '/app/surveys/check', { ...csat, cooldownDays: 'x' }, 'th');
      expect((await thai.json()).problems).toEqual(['cooldownDays: ใส่จำนวนวัน 0 ถึง 3650']);
    });
  });
}
