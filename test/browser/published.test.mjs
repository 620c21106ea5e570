// The widget with the owner's app (issue 21), in real Chromium, the app faked by a server of another
// origin on 127.0.0.1: published surveys (surveysUrl) shown from it in Thai and English, the same
// page offline showing the last copy, the ETag 304 and the once-a-minute bound; the shown report
// (shownUrl) counting N prompts and none before consent; a site not yet allowed (403): one console
// line per page naming the fix, and the kept answers arriving once each after the site is allowed;
// the review link after a detractor's answer; the contact fields (screenshots at 390 px, Thai and
// English, rewritten into docs/screenshots only with UPDATE_SCREENSHOTS=1). Run `npm run build` first.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { closeTab, launch, readBody, root, scratchDir, serve } from './harness.mjs';

const scratch = process.env.UPDATE_SCREENSHOTS === '1' ? undefined : scratchDir('hearback-screenshots-');
const shots = scratch ? scratch.dir + '/' : root + 'docs/screenshots/';

let shop;
let app;
const contexts = [];
/** The fake app: its published surveys and their ETag, whether the site is allowed, what it got. */
let state;
const reset = () => {
  state = {
    surveys: [{ id: 'after-checkout', type: 'csat', question: { en: 'How was your checkout today?', th: 'การชำระเงินวันนี้เป็นอย่างไรบ้าง' }, trigger: { delay: 0 } }],
    etag: '"v1"',
    allowed: true,
    reads: [],
    shown: [],
    answers: [],
    refusals: 0,
  };
};

const cors = (req) => ({ 'access-control-allow-origin': req.headers.origin ?? '*', vary: 'Origin' });

before(async () => {
  reset();
  app = await serve({
    routes: {
      '/api/surveys.json': (req, res) => {
        if (req.method === 'OPTIONS') {
          return res.writeHead(204, { ...cors(req), 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'if-none-match', 'access-control-max-age': '600' }).end();
        }
        const ifNoneMatch = req.headers['if-none-match'] ?? null;
        const headers = { ...cors(req), etag: state.etag, 'access-control-expose-headers': 'ETag', 'cache-control': 'no-cache' };
        const notModified = ifNoneMatch === state.etag;
        state.reads.push({ ifNoneMatch, status: notModified ? 304 : 200 });
        if (notModified) return res.writeHead(304, headers).end();
        res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(state.surveys));
      },
      '/api/shown': async (req, res) => {
        if (req.method === 'POST') state.shown.push({ body: JSON.parse(await readBody(req)), contentType: req.headers['content-type'], cookie: req.headers.cookie });
        res.writeHead(204, cors(req)).end();
      },
      '/api/responses': async (req, res) => {
        const body = JSON.parse(await readBody(req));
        if (!state.allowed) {
          state.refusals++;
          return res.writeHead(403, { ...cors(req), 'content-type': 'application/json' }).end('{"problems":["not allowed"]}');
        }
        state.answers.push(body);
        res.writeHead(201, cors(req)).end();
      },
    },
  });
  const page = (html) => (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  const tag = (lang) => page(`<!doctype html><html lang="${lang}"><title>Shop</title>
<script async src="/dist/hearback.min.js" data-endpoint="${app.origin}/api/responses"
        data-surveys-url="${app.origin}/api/surveys.json" data-shown-url="${app.origin}/api/shown"></script><h1>Shop</h1>`);
  const stub = (options, calls = '', lang = 'en') => page(`<!doctype html><html lang="${lang}"><title>Shop</title><script>
window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};
hearback('init',${JSON.stringify({ endpoint: `${app.origin}/api/responses`, ...options })});${calls}</script>
<script async src="/dist/hearback.min.js"></script><h1>Shop</h1>`);
  const care = { id: 'care', type: 'nps', followUp: false, askContact: { ways: ['phone', 'email', 'line'] },
    reviewLink: { url: 'https://g.page/r/shop/review', label: { en: 'Review us on Google', th: 'รีวิวเราบน Google' } } };
  shop = await serve({
    routes: {
      '/favicon.ico': (_req, res) => res.writeHead(204).end(),
      '/tag-th.html': tag('th'),
      '/tag-en.html': tag('en'),
      '/consent.html': stub({ shownUrl: `${app.origin}/api/shown`, consent: false, context: { branch: 'Siam' }, surveys: [{ id: 'asked', type: 'csat' }] }, "hearback('identify','u-42');"),
      '/refused.html': stub({ surveys: [{ id: 'asked', type: 'csat', followUp: false }] }),
      '/care-en.html': stub({ surveys: [care] }),
      '/care-th.html': stub({ surveys: [care] }, '', 'th'),
    },
  });
});
afterEach(async () => {
  while (contexts.length) await contexts.pop().close();
  reset();
});
/**
 * The shown reports of the consent page only: a tab of an earlier test, closed as it ends, may
 * still report its own prompts (keepalive) after the state was reset.
 */
const consentReports = () => state.shown.filter(({ body }) => body.shown.every((entry) => entry.url.includes('/consent.html')));
after(async () => {
  await shop?.close();
  await app?.close();
  scratch?.remove();
});

async function openTab(options) {
  const context = await launch(options);
  contexts.push(context);
  const tab = await context.newPage();
  const errors = [];
  const consoleErrors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  return { context, tab, errors, consoleErrors };
}

const question = (tab) => tab.getByRole('radiogroup').locator('legend').textContent();
/** Shows the survey with show() (no rules) and reads its question. */
async function shownQuestion(tab) {
  assert.equal(await tab.evaluate(() => window.hearback('show', 'after-checkout')), true);
  return question(tab);
}
/** Makes the copy of the published surveys a minute older, as if the visitor came back later. */
const ageCopy = (tab) =>
  tab.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('hearback');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('kv', 'readwrite');
      const cursor = tx.objectStore('kv').openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        if (String(at.key).startsWith('published:')) at.update({ ...at.value, readAt: at.value.readAt - 61_000 });
        at.continue();
      };
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  }));
const until = async (check, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(check(), 'timed out waiting');
};
async function answer(tab, score) {
  await tab.getByRole('radio', { name: new RegExp(`^${score}\\b`) }).check();
  await tab.getByRole('button', { name: 'Send' }).click();
}

describe('published surveys (surveysUrl)', () => {
  test('the app\'s survey shows in Thai; a change reaches the next page view after a minute, asked with the ETag; offline, the last copy', { timeout: 90_000 }, async () => {
    const { context, tab, errors, consoleErrors } = await openTab();
    await tab.goto(shop.origin + '/tag-th.html');
    await tab.getByRole('radiogroup').waitFor({ timeout: 10_000 });
    assert.equal(await question(tab), 'การชำระเงินวันนี้เป็นอย่างไรบ้าง');
    assert.deepEqual(state.reads, [{ ifNoneMatch: null, status: 200 }]);
    await tab.keyboard.press('Escape');

    // The owner edits the question; within the minute the next page view keeps the copy and asks nothing.
    state.surveys = [{ ...state.surveys[0], question: { en: 'How easy was checkout today?', th: 'วันนี้ชำระเงินง่ายไหม' } }];
    state.etag = '"v2"';
    await tab.reload();
    assert.equal(await shownQuestion(tab), 'การชำระเงินวันนี้เป็นอย่างไรบ้าง');
    assert.equal(state.reads.length, 1);

    // A minute on: read again with If-None-Match, and the new question shows.
    await ageCopy(tab);
    await tab.reload();
    assert.equal(await shownQuestion(tab), 'วันนี้ชำระเงินง่ายไหม');
    assert.deepEqual(state.reads.at(-1), { ifNoneMatch: '"v1"', status: 200 });

    // Unchanged: 304, the copy stays.
    await ageCopy(tab);
    await tab.reload();
    assert.equal(await shownQuestion(tab), 'วันนี้ชำระเงินง่ายไหม');
    assert.deepEqual(state.reads.at(-1), { ifNoneMatch: '"v2"', status: 304 });

    // The app cannot be reached: the last copy.
    await context.route(`${app.origin}/api/surveys.json`, (route) => route.abort('internetdisconnected'));
    await ageCopy(tab);
    await tab.reload();
    assert.equal(await shownQuestion(tab), 'วันนี้ชำระเงินง่ายไหม');
    assert.equal(state.reads.length, 3);
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors.filter((line) => !/ERR_INTERNET_DISCONNECTED/.test(line)), []);
  });

  test('in English, on its trigger; with the app unreachable and no copy yet, nothing shows and nothing fails', { timeout: 60_000 }, async () => {
    const first = await openTab();
    await first.tab.goto(shop.origin + '/tag-en.html');
    await first.tab.getByRole('radiogroup').waitFor({ timeout: 10_000 });
    assert.equal(await question(first.tab), 'How was your checkout today?');

    const { context, tab, errors, consoleErrors } = await openTab();
    await context.route(`${app.origin}/api/surveys.json`, (route) => route.abort('internetdisconnected'));
    await tab.goto(shop.origin + '/tag-en.html');
    await tab.evaluate(() => window.hearback('status'));
    await tab.waitForTimeout(1500);
    assert.equal(await tab.evaluate(() => document.querySelectorAll('hearback-prompt').length), 0);
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors.filter((line) => !/ERR_INTERNET_DISCONNECTED/.test(line)), []);
  });
});

describe('the shown report (shownUrl)', () => {
  test('N prompts shown → one report of N entries at page hide, none before consent, no user, the url trimmed; M answered', { timeout: 60_000 }, async () => {
    const { tab } = await openTab();
    await tab.goto(shop.origin + '/consent.html?order=A17#done');
    assert.equal(await tab.evaluate(() => window.hearback('show', 'asked')), false, 'not before consent');
    await tab.evaluate(() => window.hearback('consent', true));
    for (let shown = 0; shown < 3; shown++) {
      assert.equal(await tab.evaluate(() => window.hearback('show', 'asked')), true);
      if (shown < 2) {
        await answer(tab, 4 - shown);
        await tab.getByRole('button', { name: 'Skip' }).click();
        await tab.getByRole('status').getByText('Thank you for your feedback!').waitFor();
      }
    }
    await until(() => state.answers.length === 2);
    await tab.waitForTimeout(500);
    assert.equal(consentReports().length, 0, 'nothing reported while the page is open');
    await closeTab(tab);
    await until(() => consentReports().length === 1);
    const [{ body, contentType, cookie }] = consentReports();
    assert.equal(contentType, 'text/plain;charset=UTF-8');
    assert.equal(cookie, undefined);
    assert.equal(body.v, 1);
    assert.equal(body.shown.length, 3);
    for (const entry of body.shown) {
      assert.deepEqual(Object.keys(entry).sort(), ['at', 'context', 'locale', 'mode', 'survey', 'type', 'url']);
      assert.deepEqual({ ...entry, at: undefined }, { survey: 'asked', type: 'csat', mode: 'popup', locale: 'en', url: `${shop.origin}/consent.html`, context: { branch: 'Siam' }, at: undefined });
    }
    assert.equal(new Set(state.answers.map((a) => a.id)).size, 2);
  });

  test('without consent nothing is reported', { timeout: 30_000 }, async () => {
    const { tab } = await openTab();
    await tab.goto(shop.origin + '/consent.html');
    await tab.evaluate(() => window.hearback('show', 'asked'));
    await closeTab(tab);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(consentReports(), []);
  });
});

describe('a site not yet allowed (403)', () => {
  test('one console line per page naming the fix; the kept answers arrive once each after the site is allowed', { timeout: 60_000 }, async () => {
    state.allowed = false;
    const { tab, errors, consoleErrors } = await openTab();
    await tab.goto(shop.origin + '/refused.html');
    for (const score of [2, 5]) {
      await tab.evaluate(() => window.hearback('show', 'asked'));
      await answer(tab, score);
      await tab.getByRole('status').getByText('Thank you for your feedback!').waitFor();
    }
    await until(() => state.refusals >= 2);
    await tab.waitForTimeout(500);
    const lines = consoleErrors.filter((line) => line.startsWith('hearback:'));
    assert.deepEqual(lines, [
      `hearback: ${app.origin} refused answers from ${shop.origin} (HTTP 403): allow ${shop.origin} in the owner's app, Settings → Sites. The answers are kept on this device and sent once the site is allowed.`,
    ]);
    assert.deepEqual(state.answers, []);

    // The owner allows the site; the visitor's next page view delivers what was kept.
    state.allowed = true;
    await tab.reload();
    await until(() => state.answers.length >= 2);
    await tab.waitForTimeout(1000);
    assert.deepEqual(state.answers.map((a) => a.score).sort(), [2, 5]);
    assert.equal(new Set(state.answers.map((a) => a.id)).size, 2, 'each answer arrived once');
    assert.deepEqual(errors, []);
  });
});

describe('the follow-up with the owner in mind', () => {
  for (const lang of ['en', 'th']) {
    test(`contact fields at 390 px (${lang}), checked before sending; then the review link after a detractor's answer`, { timeout: 60_000 }, async () => {
      const { tab, errors } = await openTab({ viewport: { width: 390, height: 844 } });
      await tab.goto(shop.origin + `/care-${lang}.html`);
      const t = lang === 'th'
        ? { send: 'ส่ง', tick: 'ติดต่อฉันเกี่ยวกับคำตอบนี้ได้', phone: 'เบอร์โทรศัพท์', problem: 'กรอกเบอร์โทรศัพท์ 6–15 หลัก', review: 'รีวิวเราบน Google' }
        : { send: 'Send', tick: 'You may contact me about my answer', phone: 'Phone', problem: 'Enter a phone number: 6–15 digits', review: 'Review us on Google' };
      await tab.evaluate(() => window.hearback('show', 'care'));
      await tab.getByRole('radio', { name: /^2\b/ }).check();
      await tab.getByRole('button', { name: t.send }).click();
      await tab.getByRole('checkbox', { name: t.tick }).check();
      await tab.getByRole('textbox', { name: t.phone }).fill('call me');
      await tab.getByRole('textbox', { name: 'LINE ID' }).fill('@somchai.shop');
      await tab.getByRole('button', { name: t.send }).click();
      await tab.getByText(t.problem).waitFor();
      assert.equal(await tab.getByRole('textbox', { name: t.phone }).evaluate((input) => input.getRootNode().activeElement === input), true, 'focus is on the field to fix');
      await tab.screenshot({ path: `${shots}contact-390-light-${lang}.png` });
      await tab.getByRole('textbox', { name: t.phone }).fill('+66 81 234 5678');
      await tab.getByRole('button', { name: t.send }).click();
      const link = tab.getByRole('link', { name: t.review });
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), 'https://g.page/r/shop/review');
      await until(() => state.answers.some((a) => a.contactVia));
      const sent = state.answers.filter((a) => a.survey === 'care');
      assert.equal(new Set(sent.map((a) => a.id)).size, 1);
      assert.deepEqual(sent.at(-1).contactVia, { phone: '+66 81 234 5678', line: '@somchai.shop' });
      assert.equal(sent.at(-1).contact, true);
      assert.deepEqual(errors, []);
    });
  }
});
