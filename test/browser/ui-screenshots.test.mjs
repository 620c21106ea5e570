// Screenshots for the README (docs/screenshots): each survey type at 360 and 1280 px, light and dark,
// English and Thai, clipped to the widget. Asserts the widget is fully on screen in each.
// The README's copies are rewritten only with UPDATE_SCREENSHOTS=1; otherwise they go to a temp
// folder, so running the tests leaves the work tree clean.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { launch, root, scratchDir } from './harness.mjs';
import { startUiServer } from './fixtures/ui-setup.mjs';

const scratch = process.env.UPDATE_SCREENSHOTS === '1' ? undefined : scratchDir('hearback-screenshots-');
const out = scratch ? scratch.dir + '/' : root + 'docs/screenshots/';
let server, context;
before(async () => {
  mkdirSync(out, { recursive: true });
  server = await startUiServer();
  context = await launch({ deviceScaleFactor: 1 });
});
after(async () => {
  await context?.close();
  await server?.close();
  scratch?.remove();
});

const surveys = { nps: { type: 'nps' }, csat: { type: 'csat' }, smileys: { type: 'csat', style: 'smileys' }, ces: { type: 'ces' } };

for (const [name, survey] of Object.entries(surveys)) {
  for (const width of [360, 1280]) {
    it(`${name} at ${width}px in en/th, light/dark`, async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 720 });
      for (const scheme of ['light', 'dark']) {
        for (const locale of ['en', 'th']) {
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          await page.goto(server.origin + '/ui.html');
          await page.evaluate(([survey, locale]) => window.hb.open(survey, { locale }), [survey, locale]);
          const panel = page.locator('hearback-prompt section');
          await panel.waitFor();
          await page.locator('hearback-prompt label.choice').nth(survey.type === 'nps' ? 9 : 3).click();
          await page.mouse.move(0, 0);
          const box = await panel.boundingBox();
          assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= 720, 'on screen');
          await panel.screenshot({ path: `${out}${name}-${width}-${scheme}-${locale}.png` });
        }
      }
      await page.close();
    });
  }
}

it('follow-up and thanks (en, light, 1280px)', async () => {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto(server.origin + '/ui.html');
  await page.evaluate(() => window.hb.open({ type: 'nps', reasons: ['Price', 'Delivery', 'Support'], askContact: true,
    promoterLink: { url: 'https://example.com/review', label: 'Review us on Google' } }));
  const panel = page.locator('hearback-prompt section');
  await page.locator('hearback-prompt').getByRole('radio', { name: '3' }).check();
  await page.locator('hearback-prompt').getByRole('button', { name: 'Send' }).click();
  await page.locator('hearback-prompt').getByRole('checkbox', { name: 'Delivery' }).check();
  await page.locator('hearback-prompt textarea').fill('The parcel arrived two days late.');
  await page.mouse.move(0, 0);
  await panel.screenshot({ path: `${out}follow-up-1280-light-en.png` });
  await page.locator('hearback-prompt').getByRole('button', { name: 'Send' }).click();
  await page.locator('hearback-prompt').getByRole('status').getByText('Thank you').waitFor();
  await panel.screenshot({ path: `${out}thanks-1280-light-en.png` });
  await page.close();
});
