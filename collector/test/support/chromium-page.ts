// What the app's page tests in real Chromium share: Debian's Chromium with a fresh profile, where
// screenshots go (docs/screenshots/ with UPDATE_SCREENSHOTS=1, else a temp folder removed on close,
// so running the tests leaves the work tree clean), a page opened in one interface language at one
// width (with the Content-Security-Policy lines it logs), and axe's WCAG 2.2 AA verdict.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const repository = new URL('../../../', import.meta.url).pathname;
const axeSource = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface LaunchedChromium {
  context: BrowserContext;
  /** The folder screenshots go to (ends with /). */
  screenshots: string;
  /** A full-page screenshot named `file` in `screenshots`. */
  shot(page: Page, file: string): Promise<Buffer>;
  /** Closes the browser and removes its profile (and the screenshots, unless UPDATE_SCREENSHOTS=1). */
  close(): Promise<void>;
}

/** Debian's Chromium (no browser download here), headless, with a fresh profile named after `name`. */
export async function launchChromium(name: string, viewport?: { width: number; height: number }): Promise<LaunchedChromium> {
  const keep = process.env.UPDATE_SCREENSHOTS === '1';
  const profile = mkdtempSync(join(tmpdir(), `hearback-${name}-`));
  const screenshots = keep ? `${repository}docs/screenshots/` : `${mkdtempSync(join(tmpdir(), `hearback-${name}-shots-`))}/`;
  mkdirSync(screenshots, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: chromiumArgs, ...(viewport ? { viewport } : {}),
  });
  return {
    context,
    screenshots,
    shot: (page, file) => page.screenshot({ path: join(screenshots, file), fullPage: true }),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (!keep) rmSync(screenshots, { recursive: true, force: true });
    },
  };
}

/** A new page on `origin + path` in `lang` at `width` px, its status, and the Content-Security-Policy lines it logs. */
export async function openPage(context: BrowserContext, origin: string, path: string, lang: 'th' | 'en', width: number): Promise<{ page: Page; violations: string[]; status: number }> {
  await context.addCookies([{ name: 'hearback_lang', value: lang, url: origin }]);
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(`${origin}${path}`);
  return { page, violations, status: response!.status() };
}

/** `openPage`, expecting 200. */
export async function openAppPage(context: BrowserContext, origin: string, path: string, lang: 'th' | 'en', width: number): Promise<{ page: Page; violations: string[] }> {
  const { page, violations, status } = await openPage(context, origin, path, lang, width);
  expect(status, `GET ${path}`).toBe(200);
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

/**
 * Real Chromium signed in to a test collector at `origin` with the session `cookie`
 * (`name=value`), for the owner pages' browser tests: `open(path, lang, width)`, `axe(page)`,
 * `shot(page, file)`, and `close()`.
 */
export async function openChromium({ origin, cookie, name = 'chromium' }: { origin: string; cookie: string; name?: string }) {
  const browser = await launchChromium(name);
  const [cookieName, ...value] = cookie.split('=');
  await browser.context.addCookies([{ name: cookieName, value: value.join('='), url: origin }]);
  return {
    ...browser,
    open: (path: string, lang: 'th' | 'en', width: number) => openPage(browser.context, origin, path, lang, width),
    axe: (page: Page) => axeViolations(page),
  };
}

export type Chromium = Awaited<ReturnType<typeof openChromium>>;
