import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const axeSource = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Real Chromium signed in to a test collector, for the owner pages' browser tests: `open(path,
 * lang, width)` loads a page and collects Content-Security-Policy reports, `axe(page)` lists WCAG
 * 2.2 AA violations, `shot(page, name)` keeps a full-page screenshot — in `HEARBACK_SCREENSHOTS`
 * (e.g. docs/screenshots) when set, else in a temporary folder `close()` deletes with the profile.
 */
export async function openChromium({ origin, cookie }: { origin: string; cookie: string }) {
  const keep = process.env.HEARBACK_SCREENSHOTS;
  const profile = mkdtempSync(join(tmpdir(), 'hearback-chromium-'));
  const shots = keep ?? mkdtempSync(join(tmpdir(), 'hearback-shots-'));
  mkdirSync(shots, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name, value: value.join('='), url: origin }]);
  return {
    context,
    async open(path: string, lang: 'th' | 'en', width: number): Promise<{ page: Page; violations: string[]; status: number }> {
      await context.addCookies([{ name: 'hearback_lang', value: lang, url: origin }]);
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      const response = await page.goto(`${origin}${path}`);
      return { page, violations, status: response!.status() };
    },
    async axe(page: Page): Promise<string[]> {
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      // The shell's language button (not ours) reads "ภาษาไทย" and is named "เปลี่ยนเป็นภาษาไทย": the
      // name does contain the text, but axe matches whole words and Thai has no spaces between them.
      const where = { exclude: [['.shell-top button[name="lang"]']] };
      const result = await page.evaluate(([values, scope]) => (window as unknown as { axe: { run: (d: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(scope, { runOnly: { type: 'tag', values } }), [wcagTags, where] as const);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    shot: (page: Page, file: string) => page.screenshot({ path: join(shots, file), fullPage: true }),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (!keep) rmSync(shots, { recursive: true, force: true });
    },
  };
}

export type Chromium = Awaited<ReturnType<typeof openChromium>>;
