// The counter tablet (demo/public/kiosk.html) through the BUILT bundle in real Chromium: a customer
// who sends a score and walks away from the follow-up, the next customer, the language switch and
// the delivery line. The page is served as written, with its idle and thank-you times shortened to
// 2 s. Screenshots at 390 and 1280 px in Thai and English go to docs/screenshots with
// UPDATE_SCREENSHOTS=1 (otherwise to a temp folder). Run `npm run build` first.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, afterEach, before, describe, test } from 'node:test';
import { launch, readBody, root, scratchDir, serve } from './harness.mjs';

const scratch = process.env.UPDATE_SCREENSHOTS === '1' ? undefined : scratchDir('hearback-kiosk-shots-');
const shots = scratch ? scratch.dir + '/' : root + 'docs/screenshots/';

let server, context;
const received = [];
const demo = (path) => readFileSync(root + 'demo/public' + path);
const file = (type, read) => (_req, res) => res.writeHead(200, { 'content-type': type }).end(read());

before(async () => {
  server = await serve({
    routes: {
      '/kiosk.html': file('text/html; charset=utf-8', () =>
        demo('/kiosk.html').toString().replaceAll('http://127.0.0.1:8787', server.origin)
          .replace('kioskIdle:30', 'kioskIdle:2').replace('kioskResetSeconds:5', 'kioskResetSeconds:2')),
      '/assets/kiosk.js': file('text/javascript', () => demo('/assets/kiosk.js')),
      '/assets/kiosk.css': file('text/css', () => demo('/assets/kiosk.css')),
      '/assets/base.css': file('text/css', () => readFileSync(root + 'collector/client/base.css')),
      '/api/responses': async (req, res) => {
        if (req.method === 'POST') received.push(JSON.parse(await readBody(req)));
        res.writeHead(req.method === 'POST' ? 201 : 204).end();
      },
    },
  });
  context = await launch({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
  mkdirSync(shots, { recursive: true });
});
afterEach(() => void (received.length = 0));
after(async () => {
  await context?.close();
  await server?.close();
  scratch?.remove();
});

const question = (page) => page.getByRole('radiogroup');
async function waitForAnswers(page, count) {
  const deadline = Date.now() + 10_000;
  while (received.length < count && Date.now() < deadline) await page.waitForTimeout(50);
  assert.equal(received.length, count, `${count} answer(s) arrived`);
}
/** Whether the element's middle point shows the element itself (nothing drawn over it). */
const seen = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.width > 0 && r.bottom <= innerHeight && (el === top || el.contains(top));
});

describe('the counter tablet', () => {
  test('score sent, follow-up left: back to the question within the idle time, the score delivered once, the next customer separate', async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.origin + '/kiosk.html');
    await question(page).waitFor();

    // On load nothing looks chosen: focus is on the question, without a ring, and no face is checked.
    const focused = await page.locator('hearback-prompt').evaluate((host) => {
      const el = host.shadowRoot.activeElement;
      return { tag: el?.tagName, outline: el && getComputedStyle(el).outlineStyle, ringed: host.shadowRoot.querySelectorAll('input:focus-visible').length };
    });
    assert.deepEqual(focused, { tag: 'FIELDSET', outline: 'none', ringed: 0 });
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
    // The header, greeting, language switch and delivery line are beside the prompt, not under it.
    for (const part of [page.locator('header .brand'), page.locator('.hello'), page.locator('#delivery'), page.getByRole('button', { name: 'English' })])
      assert.ok(await seen(part), `${await part.evaluate((el) => el.outerHTML.slice(0, 60))} is visible`);

    // The first customer: a face, ส่ง, starts a comment and walks away.
    await page.getByRole('radio', { name: /^2\b/ }).click();
    await page.getByRole('button', { name: 'ส่ง' }).click();
    const box = page.getByRole('textbox');
    await box.fill('นมเปรี้ยว');
    const left = Date.now();
    await question(page).waitFor({ timeout: 4000 });
    const back = Date.now() - left;
    assert.ok(back >= 1800 && back < 3500, `back to the question ${back} ms after the last input (kioskIdle 2 s)`);
    await waitForAnswers(page, 1);
    assert.equal(received[0].score, 2);
    assert.equal(received[0].comment, undefined, 'the unsent comment is not delivered');
    // Nothing of the first customer is left for the next one.
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
    assert.equal(await page.getByRole('textbox').count(), 0);
    assert.doesNotMatch(await page.locator('hearback-prompt').evaluate((host) => host.shadowRoot.textContent), /นมเปรี้ยว/);

    // The next customer: a face, ส่ง, a comment and the big เสร็จ; the thank-you returns by itself.
    await page.getByRole('radio', { name: /^5\b/ }).click();
    await page.getByRole('button', { name: 'ส่ง' }).click();
    assert.equal(await box.inputValue(), '');
    await box.fill('อร่อย');
    await page.getByRole('button', { name: 'เสร็จ' }).click();
    await page.getByRole('status').getByText('ขอบคุณ').waitFor();
    await question(page).waitFor({ timeout: 4000 });
    await waitForAnswers(page, 2);
    await page.waitForTimeout(500);
    assert.equal(received.length, 2, 'each answer delivered once');
    assert.deepEqual(received.map(({ score, comment }) => [score, comment]), [[2, undefined], [5, 'อร่อย']]);
    assert.notEqual(received[0].id, received[1].id);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a big Thai/English switch changes the question, and the delivery line is written only when it changes', async () => {
    const page = await context.newPage();
    await page.goto(server.origin + '/kiosk.html');
    await page.getByRole('radiogroup', { name: 'คุณจะให้คะแนนความพึงพอใจโดยรวมกับสิ่งที่คุณได้รับอย่างไร' }).waitFor();
    const english = page.getByRole('button', { name: 'English' });
    const size = await english.evaluate((el) => el.getBoundingClientRect().toJSON());
    assert.ok(size.height >= 48 && size.width >= 96, `the switch is big (${size.width}×${size.height})`);
    await english.click();
    await page.getByRole('radiogroup', { name: 'How would you rate your overall satisfaction with what you received?' }).waitFor();
    assert.equal(await english.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.hello').textContent(), 'Thank you for visiting today');
    await page.getByRole('button', { name: 'ไทย' }).click();
    await page.getByRole('button', { name: 'ส่ง' }).waitFor();

    await page.locator('#delivery').filter({ hasText: 'All answers delivered' }).waitFor();
    await page.evaluate(() => {
      window.writes = 0;
      new MutationObserver((list) => (window.writes += list.length)).observe(document.getElementById('delivery'), { childList: true, characterData: true, subtree: true });
    });
    await page.waitForTimeout(5600); // one 5 s refresh
    assert.equal(await page.evaluate(() => window.writes), 0, 'the same text is not written again (no repeated announcement)');
    await page.close();
  });

  for (const width of [390, 1280]) {
    test(`${width} px, Thai and English: nothing scrolls sideways, header and status beside the prompt (screenshots)`, async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: width < 600 ? 844 : 800 });
      await page.goto(server.origin + '/kiosk.html');
      for (const [lang, button] of [['th', null], ['en', 'English']]) {
        if (button) await page.getByRole('button', { name: button }).click();
        await page.locator(`hearback-prompt .widget[lang=${lang}]`).waitFor();
        await page.locator('#delivery').filter({ hasText: 'All answers delivered' }).waitFor();
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
        for (const part of [page.locator('header .brand'), page.locator('.hello'), page.locator('#delivery'), page.getByRole('button', { name: 'ไทย' })])
          assert.ok(await seen(part), `${await part.evaluate((el) => el.outerHTML.slice(0, 60))} is visible at ${width} px`);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `${shots}kiosk-${width}-${lang}.png` });
      }
      await page.close();
    });
  }
});
