// What the app's page tests in real Chromium share: the browser, a page opened in one interface
// language at one width (with the CSP lines it logs), and axe's WCAG 2.2 AA verdict.
import { readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Debian's Chromium (no browser download here), headless, with a profile folder the caller removes. */
export const launchChromium = (profile: string) => chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A new page on `origin + path` in `lang` at `width` px; `violations` collects the Content-Security-Policy lines it logs. */
export async function openAppPage(context: BrowserContext, origin: string, path: string, lang: 'th' | 'en', width: number): Promise<{ page: Page; violations: string[] }> {
  await context.addCookies([{ name: 'hearback_lang', value: lang, url: origin }]);
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(`${origin}${path}`);
  expect(response!.status()).toBe(200);
  return { page, violations };
}

/**
 * axe's WCAG 2.2 AA violations on the page, as "rule: selectors". Evaluated through the DevTools
 * protocol, which the page's CSP does not govern. The shell's language button is left out: it reads
 * "ภาษาไทย" inside the name "เปลี่ยนเป็นภาษาไทย", but axe matches whole words and Thai has no spaces.
 */
export async function axeViolations(page: Page, { exclude = [] as string[][], iframes = true } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const where = { exclude: [['.shell-top button[name="lang"]'], ...exclude] };
  type Axe = { run: (d: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
  const result = await page.evaluate(([values, context, frames]) => (window as unknown as { axe: Axe }).axe.run(context, { runOnly: { type: 'tag', values }, iframes: frames }), [wcag22aa, where, iframes] as const);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
