// The owner's views in Debian's Chromium, in English and Thai, over the demo month (demo/server.mjs
// --demo-data on PGlite in memory, shop time zone Asia/Bangkok): filtering by a context value
// changes the numbers and the breakdown; a case moves open → contacted → resolved and the close
// rate follows; at 390 px the inbox comes first; axe (wcag22aa) finds nothing on any view; nothing
// breaks the strict CSP. Needs the built SDK (npm run build).
// Run: node --test test/browser/dashboard.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { openView, signedIn, startDemo } from '../../demo/scripts/owner-browser.mjs';
import { root, scratchDir } from './harness.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const words = {
  en: {
    markContacted: 'Mark contacted', resolve: 'Resolve', show: 'Show', contacted: 'Contacted', inbox: 'Inbox', menu: 'Menu', signOut: 'Sign out',
    markedContacted: 'Marked contacted', resolved: 'Case resolved', note: 'Add a note', noteBox: 'Note for this case', saveNote: 'Save note', noteSaved: 'Note saved',
  },
  th: {
    markContacted: 'บันทึกว่าติดต่อแล้ว', resolve: 'ปิดเคส', show: 'แสดง', contacted: 'ติดต่อแล้ว', inbox: 'กล่องงาน', menu: 'เมนู', signOut: 'ออกจากระบบ',
    markedContacted: 'ทำเครื่องหมายว่าติดต่อแล้ว', resolved: 'ปิดเคสแล้ว', note: 'เพิ่มโน้ต', noteBox: 'โน้ตของเคสนี้', saveNote: 'บันทึกโน้ต', noteSaved: 'บันทึกโน้ตแล้ว',
  },
};
let demo;

before(async () => {
  demo = await startDemo();
});
after(() => demo?.stop());

/** A signed-in browser that records page errors and CSP violations; closes itself after `work`. */
async function withBrowser(lang, width, work) {
  const browser = await signedIn(demo.origin, lang, width);
  const problems = [];
  browser.page.on('pageerror', (error) => problems.push(error.message));
  browser.page.on('console', (message) => /Content Security Policy|Refused to/.test(message.text()) && problems.push(message.text()));
  try {
    await work(browser.page);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
}

const api = (page, path) => page.evaluate(async (url) => (await fetch(url)).json(), path);
const breakdownValues = (page) => page.locator('[data-testid="breakdown"] tbody th').allTextContents();

test('an alert\'s link (/inbox?case=<answer id>) shows that case first, whatever its state', { timeout: 90_000 }, async () => {
  await withBrowser('en', 390, async (page) => {
    await openView(page, demo.origin, 'inbox');
    const { items } = await api(page, '/api/cases?state=resolved&range=all');
    assert.ok(items.length > 0, 'the demo month has resolved cases');
    const id = items[0].id;
    await page.goto(`${demo.origin}/inbox?case=${encodeURIComponent(id)}`);
    const linked = page.locator('section.linked-case');
    await linked.locator(`li[data-case="${id}"]`).waitFor();
    assert.equal(await linked.getByRole('heading').textContent(), 'The case from your alert');
    const top = await linked.boundingBox();
    assert.ok(top && top.y < 844, `the linked case starts ${top?.y}px down, beyond the first screen`);

    // An open case is also in the list below: it is drawn once, and every id in the page is unique.
    const open = (await api(page, '/api/cases?state=open&range=all')).items[0].id;
    await page.goto(`${demo.origin}/inbox?case=${encodeURIComponent(open)}`);
    await page.waitForSelector('#app[data-ready="true"]');
    await linked.locator(`li[data-case="${open}"]`).waitFor();
    assert.equal(await page.locator(`li[data-case="${open}"]`).count(), 1);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
    assert.deepEqual(ids.filter((name, i) => ids.indexOf(name) !== i), []);
    // Each note box has one name of its own (before, the linked copy's box had none).
    await page.evaluate(() => document.querySelectorAll('details.note-box').forEach((details) => (details.open = true)));
    assert.equal(await page.getByRole('textbox', { name: 'Note for this case', exact: true }).count(), await page.locator('li.case').count());

    await page.goto(`${demo.origin}/inbox?case=no-such-answer`);
    await linked.getByText('is no longer here').waitFor();
  });
});

test('the demo starts in Bangkok time, seeds itself in one line, and prints its banner with the password last', () => {
  const lines = demo.started.trimEnd().split('\n');
  assert.equal(lines.filter((line) => line.includes('demo data:')).length, 1);
  assert.deepEqual(lines.filter((line) => line.startsWith('{')), [], 'no request log line before the banner');
  assert.ok(lines.length < 20, `the start prints ${lines.length} lines`);
  assert.match(lines.find((line) => line.includes('hearback demo on')), /time zone Asia\/Bangkok; set HEARBACK_TIMEZONE to change it/);
  assert.match(lines.at(-1), /owner app: .* sign in as owner@demo\.hearback\.dev \/ demo-owner-password$/);
});

/** Every owner view, and the survey link made for these tests (its page and poster). */
const ownerViews = ['inbox', 'dashboard', 'comments', 'links', 'links/after-meal', 'links/after-meal/poster?lang=th', 'links/after-meal/tent?lang=en',
  'alerts', 'alerts/channels/new?kind=line', 'settings', 'app/snippet'];
/** At 400 % zoom a 1280 px screen is 320 px wide (WCAG 1.4.10): these must reflow too. */
const zoomViews = ['dashboard', 'links', 'links/after-meal', 'links/after-meal/poster?lang=th'];

/**
 * Screenshots of the owner's views (the top of each, up to about two phone screens or one and a
 * half desktop ones) go to docs/screenshots/ with UPDATE_SCREENSHOTS=1, else to a temp folder, so
 * running the tests leaves the work tree clean.
 */
const shots = process.env.UPDATE_SCREENSHOTS === '1' ? undefined : scratchDir('hearback-owner-views-');
const shotsDir = shots ? shots.dir : `${root}docs/screenshots`;
after(() => shots?.remove());

async function screenshot(page, view, lang, width) {
  const name = view.replace(/\?.*$/, '').replace(/\//g, '-');
  const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), width < 600 ? 1800 : 1900);
  await page.screenshot({ path: `${shotsDir}/${name}-${lang}-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height } });
}

/** Opens an owner page and waits for its data; every <details> is opened (the trend's table too). */
async function openAll(page, view) {
  await page.goto(`${demo.origin}/${view}`);
  if (await page.locator('#app').count()) await page.waitForSelector('#app[data-ready="true"]', { timeout: 30_000 });
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
}

/** What sticks out to the right of the screen, if anything (the page's width and the first offenders). */
const sideways = (page) => page.evaluate(() => {
  const width = document.documentElement.scrollWidth;
  if (width <= innerWidth) return null;
  const wide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > innerWidth + 1);
  return `${width}px wide at ${innerWidth}px: ${wide.slice(0, 3).map((element) => `${element.tagName.toLowerCase()}.${element.className}`).join(', ')}`;
});

for (const lang of ['en', 'th']) {
  test(`${lang}: no owner view scrolls sideways at 390 or 1280 px, nor the dashboard, links and poster at 320 px (400 % zoom); each view's screenshot; the poster preview says the address is this computer's`, { timeout: 300_000 }, async () => {
    for (const width of [390, 1280, 320]) {
      await withBrowser(lang, width, async (page) => {
        await page.evaluate(() => fetch('/links/surveys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'after-meal', type: 'csat', contextKeys: 'branch, table', singleUse: true }) }));
        for (const view of width === 320 ? zoomViews : ownerViews) {
          await openAll(page, view);
          assert.equal(await sideways(page), null, `/${view} at ${width} px`);
          // The alerts views have their own (alerts-<width>-<lang>.png, from the alerts tests).
          if (width !== 320 && !view.startsWith('alerts')) await screenshot(page, view, lang, width);
        }
        if (width !== 390) return;
        // The demo's public address is 127.0.0.1: its QR codes would send phones nowhere, and both
        // the link page and the poster preview say so, with the setting that fixes it.
        for (const view of ['links/after-meal', 'links/after-meal/poster?lang=th']) {
          await openAll(page, view);
          assert.match(await page.getByTestId('localhost-warning').textContent(), /127\.0\.0\.1.*HEARBACK_PUBLIC_URL/s, view);
        }
        // The poster and the public survey page name their icon (no /favicon.ico 404 in the console).
        for (const view of ['links/after-meal/poster?lang=th', 's/after-meal?order=A1']) {
          await page.goto(`${demo.origin}/${view}`);
          assert.match(await page.locator('link[rel="icon"]').getAttribute('href'), /^data:image\/svg\+xml,/, view);
        }
      });
    }
  });

  test(`${lang}: filtering by a branch changes the numbers and the breakdown`, { timeout: 90_000 }, async () => {
    await withBrowser(lang, 1280, async (page) => {
      await openView(page, demo.origin, 'dashboard');
      assert.deepEqual((await breakdownValues(page)).sort(), ['Chiang Mai', 'Siam']);
      const everyone = await api(page, '/api/summary?range=30d');
      const chiangMai = await api(page, '/api/summary?range=30d&context.branch=Chiang%20Mai');
      assert.equal(await page.getByTestId('nps-value').textContent(), String(Math.round(everyone.summary.nps.value)));
      assert.notEqual(Math.round(chiangMai.summary.nps.value), Math.round(everyone.summary.nps.value), 'the demo branches differ');

      await page.locator('#dashboard-context-branch').selectOption('Chiang Mai');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="breakdown"] tbody tr').length === 1 && document.querySelector('#app').dataset.ready === 'true');
      assert.deepEqual(await breakdownValues(page), ['Chiang Mai']);
      assert.equal(await page.getByTestId('nps-value').textContent(), String(Math.round(chiangMai.summary.nps.value)));
      assert.match(page.url(), /context\.branch=Chiang\+Mai/);
    });
  });

  test(`${lang}: by keyboard, a case moves open → contacted → resolved and takes a note; focus stays on the case, each step is announced, the close rate follows`, { timeout: 90_000 }, async () => {
    await withBrowser(lang, 1280, async (page) => {
      await openView(page, demo.origin, 'inbox');
      const before = await api(page, '/api/cases/figures?range=all');
      const card = page.locator('li.case').first();
      const id = await card.getAttribute('data-case');
      const status = page.locator('p.status-line[role="status"]');
      const focusedCase = () => page.evaluate(() => document.activeElement?.closest('li.case')?.dataset.case === document.activeElement?.dataset.case && document.activeElement?.dataset.case);
      const press = async (locator) => {
        await locator.focus();
        await page.keyboard.press('Enter');
      };

      await press(card.getByRole('button', { name: words[lang].markContacted }));
      await page.waitForFunction((text) => document.querySelector('p.status-line')?.textContent === text, words[lang].markedContacted);
      // The case stays where it was, with its new state, and focus is on it (not on <body>).
      assert.equal(await focusedCase(), id);
      assert.equal(await card.locator('.state-pill').textContent(), words[lang].contacted);
      assert.notEqual(await status.textContent(), lang === 'th' ? 'กำลังโหลด…' : 'Loading…');

      await press(card.getByRole('button', { name: words[lang].resolve, exact: true }));
      await page.waitForFunction((text) => document.querySelector('p.status-line')?.textContent === text, words[lang].resolved);
      assert.equal(await focusedCase(), id);

      // The note: its toggle, its box and its button each have a name of their own.
      await card.getByText(words[lang].note, { exact: true }).focus();
      await page.keyboard.press('Enter');
      const box = card.getByRole('textbox', { name: words[lang].noteBox, exact: true });
      await box.focus();
      await page.keyboard.type('Called back, refunded');
      await press(card.getByRole('button', { name: words[lang].saveNote, exact: true }));
      await page.waitForFunction((text) => document.querySelector('p.status-line')?.textContent === text, words[lang].noteSaved);
      assert.equal(await focusedCase(), id);

      const after = await api(page, '/api/cases/figures?range=all');
      assert.equal(after.resolved, before.resolved + 1);
      await page.waitForFunction((share) => document.querySelector('[data-testid="closed-share"]')?.textContent === share, `${Math.round(after.closedShare)}%`);
      const history = await api(page, `/api/cases/${id}`);
      assert.deepEqual(history.events.filter((e) => e.from !== e.to).slice(-2).map((e) => [e.from, e.to, e.actor]), [['open', 'contacted', 'owner@demo.hearback.dev'], ['contacted', 'resolved', 'owner@demo.hearback.dev']]);
      assert.equal(history.note, 'Called back, refunded');
    });
  });

  test(`${lang}: at 390 px the inbox comes first, behind a compact header with a menu button`, { timeout: 60_000 }, async () => {
    await withBrowser(lang, 390, async (page) => {
      await page.goto(`${demo.origin}/settings`);
      // The header is one row: the menu, the account and sign-out wait behind the button.
      const header = await page.locator('header.shell-top').boundingBox();
      assert.ok(header.height <= 72, `the header takes ${header.height}px of a phone screen`);
      const menu = page.getByRole('button', { name: words[lang].menu });
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.getByRole('button', { name: words[lang].signOut }).isVisible(), false);
      await menu.focus();
      await page.keyboard.press('Enter');
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      assert.ok(await page.getByRole('button', { name: words[lang].signOut }).isVisible());
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'menu-toggle');
      await menu.click();
      // The menu's first entry (where the app's `/` sends a signed-in owner) is the inbox.
      const first = page.locator('.shell-nav a').first();
      // "Inbox", then its new-cases count ("21 new cases").
      assert.ok((await first.textContent()).trim().startsWith(words[lang].inbox), await first.textContent());
      await first.click();
      await page.waitForSelector('#app[data-ready="true"]');
      const firstCase = await page.locator('li.case').first().boundingBox();
      assert.ok(firstCase && firstCase.y < 844, `the first case starts ${firstCase?.y}px down, beyond the first screen`);
    });
  });

  test(`${lang}: axe (wcag22aa) finds nothing on the inbox, dashboard, comments, links and settings`, { timeout: 120_000 }, async () => {
    for (const width of [390, 1280]) {
      await withBrowser(lang, width, async (page) => {
        await page.evaluate(() => fetch('/links/surveys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'after-meal', type: 'csat', contextKeys: 'branch, table', singleUse: true }) }));
        for (const view of ['inbox', 'dashboard', 'comments', 'links', 'links/after-meal', 'settings']) {
          await openAll(page, view);
          await page.evaluate(axeSource);
          const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
          assert.deepEqual(violations, [], `${view} at ${width} px`);
        }
      });
    }
  });
}

// Last: it names the demo's keys and values, which the tests above read raw.
test('the names the owner gives context keys and values show in the filters, the breakdown and the inbox, in each language', { timeout: 120_000 }, async () => {
  const names = [{ key: 'branch', th: 'สาขา', en: 'Branch' }, { key: 'branch', value: 'Chiang Mai', th: 'เชียงใหม่', en: 'Chiang Mai' }, { key: 'channel', value: 'web', th: 'เว็บไซต์', en: 'Website' }];
  await withBrowser('th', 1280, async (page) => {
    await page.goto(`${demo.origin}/settings`);
    for (const name of names) {
      await page.locator('#label-key').fill(name.key);
      await page.locator('#label-value').fill(name.value ?? '');
      await page.locator('#label-th').fill(name.th);
      await page.locator('#label-en').fill(name.en);
      await page.getByRole('button', { name: 'บันทึกชื่อ' }).click();
      await page.getByRole('status').filter({ hasText: 'บันทึกแล้ว' }).waitFor();
    }
    await openView(page, demo.origin, 'dashboard');
    assert.equal(await page.locator('label[for="dashboard-context-branch"]').textContent(), 'สาขา');
    assert.deepEqual((await breakdownValues(page)).sort(), ['Siam', 'เชียงใหม่']);
    assert.equal(await page.locator('[data-testid="breakdown"] thead th').first().textContent(), 'สาขา');
    await openView(page, demo.origin, 'inbox');
    assert.ok((await page.locator('li.case .facts').allTextContents()).some((facts) => facts.includes('สาขา: ')), 'the inbox names the branch');
  });
  await withBrowser('en', 1280, async (page) => {
    await openView(page, demo.origin, 'dashboard');
    assert.equal(await page.locator('label[for="dashboard-context-branch"]').textContent(), 'Branch');
    await page.locator('#dashboard-context-channel').selectOption({ label: 'Website' });
    await page.waitForFunction(() => document.querySelector('#app').dataset.ready === 'true' && /context\.channel=web/.test(location.search));
  });
});
