import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, answer, signIn, startTestCollector, type TestCollector } from '../harness';
import { axeViolations, openAppPage, openChromium, type Chromium } from '../support/chromium-page';

// UPDATE_SCREENSHOTS=1 keeps the pictures in docs/screenshots; otherwise they go to a
// temporary folder that is deleted.
const shop = 'https://shop.example';

/**
 * Settings (site, refused sites) and the response-rate view in real Chromium: strict CSP, axe
 * WCAG 2.2 AA, Thai and English, 390 and 1280 px; the owner allows a refused site with the keyboard.
 */
describe('settings and response rates in Chromium', { timeout: 120_000 }, () => {
  let collector: TestCollector;
  let browser: Chromium;

  beforeAll(async () => {
    collector = await startTestCollector({ config: { allowedOrigins: [shop], timezone: 'Asia/Bangkok' } });
    const post = (path: string, origin: string, body: unknown) =>
      collector.request(path, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin }, body: JSON.stringify(body) });
    const at = new Date().toISOString();
    const shown = (survey: string, branch: string, mode = 'popup') => ({ survey, type: survey === 'nps-home' ? 'nps' : 'csat', mode, locale: 'th', url: `${shop}/`, context: { branch }, at });
    await post('/api/shown', shop, { v: 1, shown: [...Array(14).fill(shown('after-checkout', 'Siam')), ...Array(6).fill(shown('after-checkout', 'Chiang Mai'))] });
    await post('/api/shown', shop, { v: 1, shown: [...Array(9).fill(shown('nps-home', 'Siam')), ...Array(5).fill(shown('after-checkout', 'Siam', 'kiosk'))] });
    for (const [survey, comment, branch, mode] of [
      ['after-checkout', 'ส่งของเร็วมาก', 'Siam'], ['after-checkout', '', 'Siam'], ['after-checkout', 'Quick', 'Chiang Mai'], ['after-checkout', '', 'Chiang Mai'],
      ['nps-home', 'ชอบมาก', 'Siam'], ['after-checkout', 'สะอาด', 'Siam', 'kiosk'],
    ] as const) {
      const type = survey === 'nps-home' ? { type: 'nps', score: 9, scale: [0, 10] } : {};
      await post('/api/responses', shop, answer({ survey, answeredAt: at, context: { branch }, ...type, ...(comment ? { comment } : {}), ...(mode ? { mode } : {}) }));
    }
    for (let i = 0; i < 14; i++) await post('/api/responses', 'https://www.shop-branch.example', answer());
    await collector.db.query(`UPDATE site_settings SET shop_name = 'ครัวคุณยาย · Grandma’s Kitchen', colour = '#b45309' WHERE id = 1`);
    browser = await openChromium({ origin: collector.origin, cookie: await signIn(collector, OWNER), name: 'settings' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
  }, 60_000);

  const open = (path: string, lang: 'th' | 'en', width: number) => openAppPage(browser.context, collector.origin, path, lang, width);
  const axe = (page: Page) => axeViolations(page);

  for (const lang of ['en', 'th'] as const) {
    for (const width of [390, 1280]) {
      it(`settings and response rates: no axe or CSP problem, no sideways scroll (${lang}, ${width} px)`, async () => {
        for (const [name, path] of [['settings-site', '/settings'], ['response-rates', '/response-rates?days=7&by=branch']]) {
          const { page, violations } = await open(path, lang, width);
          expect(await axe(page), `${path} ${lang} ${width}`).toEqual([]);
          expect(violations, `CSP ${path}`).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll on ${path}`).toBe(true);
          await browser.shot(page, `${name}-${lang}-${width}.png`);
          await page.close();
        }
      });
    }
  }

  it('the owner allows a refused site with the keyboard; its answers are accepted at once', async () => {
    const { page } = await open('/settings', 'en', 1280);
    await expect(page.getByText('Answers from https://www.shop-branch.example were refused 14 times today — allow this site?').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Allow https://www.shop-branch.example' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    await expect(page.getByRole('status').textContent()).resolves.toContain('https://www.shop-branch.example may send answers now.');
    await expect(page.locator('#site-allowedOrigins').inputValue()).resolves.toBe(`${shop}\nhttps://www.shop-branch.example`);
    const accepted = await collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://www.shop-branch.example' }, body: JSON.stringify(answer()) });
    expect(accepted.status).toBe(201);
    await page.close();
  });
});
