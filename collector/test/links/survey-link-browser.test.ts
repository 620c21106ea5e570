// Survey links in Debian's Chromium at 390 px, Thai and English, against the real app: the survey
// page's inline prompt answered offline and delivered once back online with its context and
// channel; a single-use link answered twice; axe WCAG 2.2 AA on the survey page and the owner's
// link page; the A5 poster printed to a PDF whose first page holds the QR code and the text.
// Screenshots: link-survey-th-390.png, links-page-en-1280.png, link-poster-en.png.
// Needs the SDK's script-tag bundle (`npm run build`; built here when missing) and poppler-utils
// (`pdftotext`, `pdftoppm`) for the PDF checks.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { linkTexts } from '../../src/links/link-texts';
import { asBrowser, signIn, startTestCollector, type TestCollector } from '../harness';
import { launchChromium } from '../support/chromium-page';
import { signed } from './signed';

const repository = new URL('../../../', import.meta.url).pathname;
const axeSource = readFileSync(`${repository}node_modules/axe-core/axe.min.js`, 'utf8');
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const sendLabel = { en: /^send$/i, th: /^ส่ง$/ };

describe('survey links in Chromium', () => {
  let collector: TestCollector;
  let owner: string;
  let context: BrowserContext;
  let closeChromium: (() => Promise<void>) | undefined;
  let screenshots: string;

  // Read from the table itself: what is stored, whatever shape the exports give it.
  const stored = async (survey: string) =>
    (await collector.db.query<{ id: string; score: number; comment: string | null; context: Record<string, string> | null }>(
      'SELECT id, score, comment, context FROM responses WHERE survey = $1 ORDER BY received_at, id', [survey])).rows;
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
    for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 200))) {
      const value = await probe();
      if (value !== undefined) return value;
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const axe = async (page: Page, state: string) => {
    // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const result = await page.evaluate((values) => (window as unknown as { axe: { run(d: Document, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values } }), wcag);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe in ${state}`).toEqual([]);
  };
  const cspViolations = (page: Page) => {
    const seen: string[] = [];
    page.on('console', (message) => /Content Security Policy/i.test(message.text()) && seen.push(message.text()));
    return seen;
  };
  const prompt = (page: Page) => page.locator('hearback-prompt');

  beforeAll(async () => {
    if (!existsSync(`${repository}dist/hearback.min.js`)) execFileSync('npm', ['run', 'build'], { cwd: repository, stdio: 'ignore' });
    collector = await startTestCollector({ config: { rateLimit: { limit: 0, windowSeconds: 60 } } });
    owner = await signIn(collector);
    const save = (path: string, fields: Record<string, string>) => collector.request(path, {
      method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields).toString(),
    });
    expect((await save('/links/look', { shopName: 'ครัวคุณยาย · Grandma’s Kitchen', colour: '#b45309' })).status).toBe(303);
    expect((await save('/links/surveys', { id: 'after-meal', type: 'csat', questionEn: 'How was your meal today?', questionTh: 'อาหารวันนี้เป็นอย่างไรบ้าง', contextKeys: 'branch, table' })).status).toBe(303);
    expect((await save('/links/surveys', { id: 'receipt', type: 'nps', contextKeys: 'branch', singleUse: 'on' })).status).toBe(303);
    ({ context, screenshots, close: closeChromium } = await launchChromium('links', { width: 390, height: 844 }));
  }, 120_000);
  // A failed offline test must not leave the next one offline.
  afterEach(() => context?.setOffline(false));
  afterAll(async () => {
    await closeChromium?.();
    await collector?.close();
  });

  for (const lang of ['th', 'en'] as const) {
    it(`${lang}: answered offline, delivered once back online, with the link's context and channel link`, async () => {
      const table = lang === 'th' ? '4' : '5';
      const page = await context.newPage();
      const csp = cspViolations(page);
      await page.goto(`${collector.origin}/s/after-meal?branch=Siam&table=${table}&coupon=FREE&lang=${lang}`);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      await prompt(page).getByRole('radio').first().waitFor({ timeout: 15_000 });
      expect(await prompt(page).getByRole('radiogroup').first().textContent()).toContain(lang === 'th' ? 'อาหารวันนี้เป็นอย่างไรบ้าง' : 'How was your meal today?');
      // Nothing looks chosen on load: focus is on the question, no score has a focus ring.
      expect(await prompt(page).locator('input:focus-visible, input:checked').count()).toBe(0);
      if (lang === 'th') await page.screenshot({ path: `${screenshots}link-survey-th-390.png`, fullPage: true });
      await axe(page, `${lang} question`);

      await context.setOffline(true);
      await prompt(page).getByRole('radio', { name: /^4\b/ }).check();
      await prompt(page).getByRole('button', { name: sendLabel[lang] }).click();
      await prompt(page).getByRole('textbox').fill(lang === 'th' ? 'อร่อยมาก' : 'Lovely soup');
      await prompt(page).getByRole('button', { name: sendLabel[lang] }).click();
      await expect.poll(() => page.locator('#link-status').textContent()).toBe(linkTexts[lang].queued);
      await page.waitForTimeout(1000);
      expect((await stored('after-meal')).filter((r) => r.context?.table === table)).toEqual([]);

      await context.setOffline(false);
      const [answer] = await waitFor('the answer to arrive', async () => {
        const rows = (await stored('after-meal')).filter((r) => r.context?.table === table);
        return rows.length ? rows : undefined;
      });
      await expect.poll(() => page.locator('#link-status').textContent()).toBe(linkTexts[lang].sent);
      // One thank-you on the page (the prompt's); the page's line says only where the answer is.
      const shown = await page.evaluate(() => document.body.innerText + (document.querySelector('hearback-prompt')?.shadowRoot?.textContent ?? ''));
      expect(shown.match(/thank you|ขอบคุณ/gi)).toHaveLength(1);
      await axe(page, `${lang} thanks`);
      await page.waitForTimeout(1500);
      const rows = (await stored('after-meal')).filter((r) => r.context?.table === table);
      expect(rows).toHaveLength(1);
      expect(answer).toMatchObject({ score: 4, comment: lang === 'th' ? 'อร่อยมาก' : 'Lovely soup', context: { branch: 'Siam', table, channel: 'link' } });
      expect(answer.context).not.toHaveProperty('coupon');
      expect(csp).toEqual([]);
      await page.close();
    }, 90_000);
  }

  it('a single-use link answered twice stores one answer and tells the visitor it was already counted', async () => {
    const fields = await signed(collector.db, 'receipt', { order: 'A17', branch: 'Siam' });
    const url = `${collector.origin}/s/receipt?${new URLSearchParams(fields)}&lang=en`;
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(url);
    await second.goto(url);
    for (const page of [first, second]) await prompt(page).getByRole('radio').first().waitFor({ timeout: 15_000 });

    await prompt(first).getByRole('radio', { name: /^9\b/ }).check();
    await prompt(first).getByRole('button', { name: /^send$/i }).click();
    await prompt(first).getByRole('button', { name: /^skip$/i }).click();
    await expect.poll(() => first.locator('#link-status').textContent(), { timeout: 20_000 }).toBe(linkTexts.en.sent);

    await prompt(second).getByRole('radio', { name: /^0\b/ }).check();
    await prompt(second).getByRole('button', { name: /^send$/i }).click();
    await prompt(second).getByRole('button', { name: /^skip$/i }).click();
    await expect.poll(() => second.locator('#link-status').textContent(), { timeout: 20_000 }).toBe(linkTexts.en.alreadyCounted);

    const rows = await stored('receipt');
    expect(rows.map((r) => [r.score, r.context])).toEqual([[9, { ...fields, channel: 'link' }]]);
    await second.reload();
    expect(await second.locator('main').textContent()).toContain(linkTexts.en.alreadyCounted);
    expect(await second.locator('hearback-prompt').count()).toBe(0);
    await axe(second, 'already counted');
    await first.close();
    await second.close();
  }, 90_000);

  it("the owner's link page passes axe (Thai and English) and the A5 poster and A6 tent print to one PDF page each with the QR code and the text", async () => {
    await context.addCookies([{ name: owner.split('=')[0], value: owner.split('=').slice(1).join('='), url: collector.origin }]);
    const page = await context.newPage();
    const csp = cspViolations(page);
    const builder = `${collector.origin}/links/after-meal?branch=Siam&table=4`;
    const link = `${collector.origin}/s/after-meal?branch=Siam&table=4`;
    for (const lang of ['en', 'th'] as const) {
      await context.addCookies([{ name: 'hearback_lang', value: lang, url: collector.origin }]);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(builder);
        expect(await page.locator('#the-link').inputValue()).toBe(link);
        await axe(page, `link page ${lang} ${width}`);
        if (lang === 'en' && width === 1280) await page.screenshot({ path: `${screenshots}links-page-en-1280.png`, fullPage: true });
      }
      await page.goto(`${collector.origin}/links`);
      await axe(page, `links list ${lang}`);
      await page.goto(`${collector.origin}/links/after-meal/delete`);
      await axe(page, `delete step ${lang}`);
    }

    // The link follows the fields as they are typed, checked with the server's rule.
    await page.goto(builder);
    await page.getByLabel('table').fill('12');
    expect(await page.locator('#the-link').inputValue()).toBe(`${collector.origin}/s/after-meal?branch=Siam&table=12`);
    expect(await page.locator('#qr-image').getAttribute('src')).toBe('/links/after-meal/qr.svg?branch=Siam&table=12');
    expect(await page.locator('a[data-path$="/tent"][data-extra="lang=th"]').getAttribute('href')).toBe('/links/after-meal/tent?branch=Siam&table=12&lang=th');
    await page.getByLabel('branch').fill('<Siam>');
    expect(await page.locator('#the-link').inputValue()).toBe(`${collector.origin}/s/after-meal?table=12`);
    expect(await page.getByLabel('branch').getAttribute('aria-invalid')).toBe('true');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${collector.origin}/links/after-meal/poster?branch=Siam&table=4&lang=en`);
    await page.screenshot({ path: `${screenshots}link-poster-en.png`, fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'hearback-poster-'));
    try {
      writeFileSync(`${dir}/poster.pdf`, pdf);
      const info = execFileSync('pdfinfo', [`${dir}/poster.pdf`], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+419\.\d+ x 595\.\d+ pts|Page size:\s+420 x 59[45]\.\d+ pts/);
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', `${dir}/poster.pdf`, '-'], { encoding: 'utf8' });
      for (const line of ['Scan to tell us how we did', 'สแกนเพื่อบอกเราว่าเราทำได้ดีแค่ไหน', 'ครัวคุณยาย · Grandma’s Kitchen', link.replace(/^http:\/\//, '')]) {
        expect(text.replace(/\s+/g, ' ')).toContain(line);
      }
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '150', '-png', `${dir}/poster.pdf`, `${dir}/page`]);
      const image = PNG.sync.read(readFileSync(`${dir}/page-1.png`));
      expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(link);
      // The A6 table tent, Thai first, is one page too, with its QR code intact.
      await page.goto(`${collector.origin}/links/after-meal/tent?branch=Siam&table=4&lang=th`);
      writeFileSync(`${dir}/tent.pdf`, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(execFileSync('pdfinfo', [`${dir}/tent.pdf`], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+29[78]\.\d+ x 420(\.\d+)? pts/);
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '150', '-png', `${dir}/tent.pdf`, `${dir}/tent`]);
      const tent = PNG.sync.read(readFileSync(`${dir}/tent-1.png`));
      expect(jsQR(new Uint8ClampedArray(tent.data), tent.width, tent.height)?.data).toBe(link);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(csp).toEqual([]);
    await page.close();
  }, 120_000);
});
