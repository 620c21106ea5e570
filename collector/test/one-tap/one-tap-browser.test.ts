// One-tap email links in Debian's Chromium against the real app, Thai and English: the link opens
// the page with the emailed score chosen (390 px), a fetch of the link without a tap stores
// nothing, one tap on Confirm stores the answer with the recipient's context, a second use says
// already counted; the email's HTML block renders as a row of buttons; axe WCAG 2.2 AA on the
// customer's page and the owner's recipients page.
// Screenshots (docs/screenshots/ with UPDATE_SCREENSHOTS=1): one-tap-{th,en}-{390,1280}.png,
// one-tap-recipients-{th,en}-{390,1280}.png, one-tap-email-{th,en}.png.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTapWords } from '../../src/one-tap/one-tap-words';
import { asBrowser, signIn, startTestCollector, type TestCollector } from '../harness';
import { launchChromium } from '../support/chromium-page';

const repository = new URL('../../../', import.meta.url).pathname;
const axeSource = readFileSync(`${repository}node_modules/axe-core/axe.min.js`, 'utf8');
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('one-tap email links in Chromium', () => {
  let collector: TestCollector;
  let owner: string;
  let context: BrowserContext;
  let screenshots: string;
  let closeChromium: (() => Promise<void>) | undefined;
  const links: Record<string, Record<string, string>> = {};

  const axe = async (page: Page, state: string) => {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const result = await page.evaluate((values) => (window as unknown as { axe: { run(d: Document, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values } }), wcag);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe in ${state}`).toEqual([]);
  };
  const stored = async () => (await collector.db.query<{ score: number; context: Record<string, string> }>("SELECT score, context FROM responses WHERE survey = 'after-order' ORDER BY received_at")).rows;
  const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });

  beforeAll(async () => {
    collector = await startTestCollector({ config: { rateLimit: { limit: 0, windowSeconds: 60 } } });
    owner = await signIn(collector);
    const form = (path: string, fields: Record<string, string>) => collector.request(path, {
      method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields),
    });
    expect((await form('/links/look', { shopName: 'ครัวคุณยาย · Grandma’s Kitchen', colour: '#b45309' })).status).toBe(303);
    expect((await form('/links/surveys', { id: 'after-order', type: 'nps', contextKeys: 'branch', singleUse: 'on' })).status).toBe(303);
    const upload = new FormData();
    upload.set('file', new File(['name,email,phone,order,branch,lang\nสมชาย ใจดี,somchai@example.com,,A17,สยาม,th\nSam Lee,sam@example.com,+66812345678,A18,Asok,en\n'], 'customers.csv'));
    expect((await collector.request('/links/after-order/recipients', { method: 'POST', headers: asBrowser(collector, owner), body: upload })).status).toBe(303);
    const csv = (await (await collector.request('/links/after-order/recipients.csv', { headers: asBrowser(collector, owner) })).text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split('\r\n');
    for (const row of rows) {
      const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
      const record = Object.fromEntries(header.split(',').map((column, i) => [column, cells[i]]));
      links[record.lang] = record;
    }
    ({ context, screenshots, close: closeChromium } = await launchChromium('one-tap', { width: 390, height: 844 }));
    await context.addCookies([{ name: owner.split('=')[0], value: owner.split('=').slice(1).join('='), url: collector.origin }]);
  }, 120_000);
  afterAll(async () => {
    await closeChromium?.();
    await collector?.close();
  });

  for (const lang of ['th', 'en'] as const) {
    it(`${lang}: the link opens with the score chosen, a fetch stores nothing, one tap stores it once, a second use says already counted`, async () => {
      const score = lang === 'th' ? 9 : 6;
      const link = links[lang][`link_${score}`];
      // A mail scanner: fetches the link (and the page's files) with no one tapping.
      const scanned = await context.request.get(link);
      expect(scanned.status()).toBe(200);
      expect(await stored()).toHaveLength(lang === 'th' ? 0 : 1);

      const page = await context.newPage();
      await page.goto(link);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const chosen = page.getByRole('radio', { name: String(score), exact: true });
      expect(await chosen.isChecked()).toBe(true);
      expect(await page.getByRole('radio', { checked: true }).count()).toBe(1);
      await shot(page, `one-tap-${lang}-390`);
      await axe(page, `${lang} one-tap page`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await shot(page, `one-tap-${lang}-1280`);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await stored()).toHaveLength(lang === 'th' ? 0 : 1);

      await page.getByRole('button', { name: oneTapWords.confirm[lang] }).click();
      await page.getByRole('textbox').waitFor();
      await axe(page, `${lang} follow-up`);
      const rows = await stored();
      expect(rows).toHaveLength(lang === 'th' ? 1 : 2);
      expect(rows.at(-1)).toMatchObject({ score, context: { order: lang === 'th' ? 'A17' : 'A18', branch: lang === 'th' ? 'สยาม' : 'Asok', channel: 'email' } });

      const again = await context.newPage();
      await again.goto(links[lang].link_10);
      expect(await again.getByRole('status').textContent()).toBe(oneTapWords.alreadyCounted[lang]);
      await again.close();
      await page.close();
    }, 90_000);
  }

  it('the email renders its score buttons in a row, and the owner\'s recipients page passes axe', async () => {
    for (const lang of ['th', 'en'] as const) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 640, height: 600 });
      await page.goto(`${collector.origin}/links/after-order/recipients/preview?lang=${lang}`);
      const buttons = page.getByRole('link', { name: /^\d+$/ });
      expect(await buttons.count()).toBe(11);
      const boxes = await Promise.all((await buttons.all()).map((button) => button.boundingBox()));
      for (const box of boxes) {
        expect(box!.y).toBeCloseTo(boxes[0]!.y, 0);
        expect(box!.width).toBeGreaterThan(30);
        expect(box!.height).toBeGreaterThanOrEqual(40);
      }
      expect(await buttons.first().evaluate((a) => getComputedStyle(a.parentElement!).backgroundColor)).toBe('rgb(180, 83, 9)');
      await shot(page, `one-tap-email-${lang}`);
      await page.close();

      const ownerPage = await context.newPage();
      await context.addCookies([{ name: 'hearback_lang', value: lang, url: collector.origin }]);
      await ownerPage.goto(`${collector.origin}/links/after-order/recipients`);
      expect(await ownerPage.getByRole('heading', { level: 1 }).textContent()).toContain(oneTapWords.title[lang]);
      await axe(ownerPage, `${lang} recipients page`);
      await shot(ownerPage, `one-tap-recipients-${lang}-390`);
      await ownerPage.setViewportSize({ width: 1280, height: 800 });
      await shot(ownerPage, `one-tap-recipients-${lang}-1280`);
      await ownerPage.close();
    }
  }, 90_000);
});
