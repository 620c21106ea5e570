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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const words = {
  en: { markContacted: 'Mark contacted', resolve: 'Resolve', show: 'Show', contacted: 'Contacted', inbox: 'Inbox' },
  th: { markContacted: 'บันทึกว่าติดต่อแล้ว', resolve: 'ปิดเคส', show: 'แสดง', contacted: 'ติดต่อแล้ว', inbox: 'กล่องงาน' },
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

    await page.goto(`${demo.origin}/inbox?case=no-such-answer`);
    await linked.getByText('is no longer here').waitFor();
  });
});

for (const lang of ['en', 'th']) {
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

  test(`${lang}: a case moves open → contacted → resolved, and the close rate follows`, { timeout: 90_000 }, async () => {
    await withBrowser(lang, 1280, async (page) => {
      await openView(page, demo.origin, 'inbox');
      const before = await api(page, '/api/cases/figures?range=all');
      const card = page.locator('li.case').first();
      const id = await card.getAttribute('data-case');
      await card.getByRole('button', { name: words[lang].markContacted }).click();
      await page.locator(`li[data-case="${id}"]`).waitFor({ state: 'detached' });

      await page.getByRole('group', { name: words[lang].show }).getByRole('button', { name: words[lang].contacted, exact: true }).click();
      const contacted = page.locator(`li[data-case="${id}"]`);
      await contacted.waitFor();
      await contacted.getByRole('button', { name: words[lang].resolve, exact: true }).click();
      await contacted.waitFor({ state: 'detached' });

      const after = await api(page, '/api/cases/figures?range=all');
      assert.equal(after.resolved, before.resolved + 1);
      await page.waitForFunction((share) => document.querySelector('[data-testid="closed-share"]')?.textContent === share, `${Math.round(after.closedShare)}%`);
      const history = await api(page, `/api/cases/${id}`);
      assert.deepEqual(history.events.slice(-2).map((e) => [e.from, e.to, e.actor]), [['open', 'contacted', 'owner@demo.hearback.dev'], ['contacted', 'resolved', 'owner@demo.hearback.dev']]);
    });
  });

  test(`${lang}: at 390 px the inbox comes first`, { timeout: 60_000 }, async () => {
    await withBrowser(lang, 390, async (page) => {
      // The menu's first entry (where the app's `/` sends a signed-in owner) is the inbox.
      await page.goto(`${demo.origin}/settings`);
      const first = page.locator('.shell-nav a').first();
      assert.equal((await first.textContent()).trim(), words[lang].inbox);
      await first.click();
      await page.waitForSelector('#app[data-ready="true"]');
      const firstCase = await page.locator('li.case').first().boundingBox();
      assert.ok(firstCase && firstCase.y < 844, `the first case starts ${firstCase?.y}px down, beyond the first screen`);
    });
  });

  test(`${lang}: axe (wcag22aa) finds nothing on the inbox, dashboard and comments`, { timeout: 120_000 }, async () => {
    for (const width of [390, 1280]) {
      await withBrowser(lang, width, async (page) => {
        for (const view of ['inbox', 'dashboard', 'comments']) {
          await openView(page, demo.origin, view);
          await page.evaluate(axeSource);
          const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
          assert.deepEqual(violations, [], `${view} at ${width} px`);
        }
      });
    }
  });
}
