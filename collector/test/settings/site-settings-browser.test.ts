import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, answer, signIn, startTestCollector, type TestCollector } from '../harness';

const axeSource = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// HEARBACK_SCREENSHOTS=docs/screenshots keeps the pictures for the docs; otherwise they go to a
// temporary folder that is deleted.
const keep = process.env.HEARBACK_SCREENSHOTS;
const shop = 'https://shop.example';

/**
 * Settings (site, refused sites) and the response-rate view in real Chromium: strict CSP, axe
 * WCAG 2.2 AA, Thai and English, 390 and 1280 px; the owner allows a refused site with the keyboard.
 */
describe('settings and response rates in Chromium', { timeout: 120_000 }, () => {
  let collector: TestCollector;
  let context: BrowserContext;
  let profile: string;
  let shots: string;

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
    const cookie = (await signIn(collector, OWNER)).split('=');
    profile = mkdtempSync(join(tmpdir(), 'hearback-chromium-'));
    shots = keep ?? mkdtempSync(join(tmpdir(), 'hearback-shots-'));
    mkdirSync(shots, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await context.addCookies([{ name: cookie[0], value: cookie.slice(1).join('='), url: collector.origin }]);
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await collector?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (shots && !keep) rmSync(shots, { recursive: true, force: true });
  }, 60_000);

  async function open(path: string, lang: 'th' | 'en', width: number): Promise<{ page: Page; violations: string[] }> {
    await context.addCookies([{ name: 'hearback_lang', value: lang, url: collector.origin }]);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${collector.origin}${path}`);
    expect(response!.status()).toBe(200);
    return { page, violations };
  }

  async function axe(page: Page) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    // The shell's language button (not ours): axe matches whole words and Thai has no spaces.
    const where = { exclude: [['.shell-top button[name="lang"]']] };
    const result = await page.evaluate(([values, scope]) => (window as unknown as { axe: { run: (d: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(scope, { runOnly: { type: 'tag', values } }), [tags, where] as const);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  for (const lang of ['en', 'th'] as const) {
    for (const width of [390, 1280]) {
      it(`settings and response rates: no axe or CSP problem, no sideways scroll (${lang}, ${width} px)`, async () => {
        for (const [name, path] of [['settings-site', '/settings'], ['response-rates', '/response-rates?days=7&by=branch']]) {
          const { page, violations } = await open(path, lang, width);
          expect(await axe(page), `${path} ${lang} ${width}`).toEqual([]);
          expect(violations, `CSP ${path}`).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll on ${path}`).toBe(true);
          await page.screenshot({ path: join(shots, `${name}-${lang}-${width}.png`), fullPage: true });
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
