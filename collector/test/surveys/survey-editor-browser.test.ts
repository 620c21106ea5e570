// The survey editor in real Chromium, under the app's strict CSP: axe WCAG 2.2 AA in Thai and
// English at 390 and 1280 px, the live preview with the real widget (the SDK's built script, as
// sites get it) following what the owner types, and a page of an allowed site reading the published
// surveys cross-origin with its ETag. Needs the SDK's dist/ (`npm run build`; built here when missing).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, OWNER, signIn, startTestCollector, type TestCollector } from '../harness';
import { axeViolations, openAppPage, openChromium, type Chromium } from '../support/chromium-page';

const repository = new URL('../../../', import.meta.url).pathname;
// UPDATE_SCREENSHOTS=1 keeps the pictures in docs/screenshots; otherwise a temporary folder.

describe('survey editor in Chromium', { timeout: 240_000 }, () => {
  let collector: TestCollector;
  let browser: Chromium;
  let site: Server;
  let siteOrigin: string;

  beforeAll(async () => {
    if (!existsSync(`${repository}dist/hearback.min.js`)) execFileSync('npm', ['run', 'build'], { cwd: repository, stdio: 'ignore' });
    // A shop's page on another origin that reads the published surveys the way the widget does.
    site = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>shop</title><p>shop</p>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    collector = await startTestCollector({ config: { allowedOrigins: [siteOrigin], timezone: 'Asia/Bangkok' } });
    const owner = await signIn(collector, OWNER);
    const save = (path: string, fields: Record<string, string>) => collector.request(path, {
      method: 'POST', headers: asBrowser(collector, owner, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields).toString(),
    });
    expect((await save('/app/surveys', {
      id: 'after-checkout', type: 'csat', style: 'numbers', mode: 'popup',
      'question.en': 'How satisfied are you with your checkout today?', 'question.th': 'คุณพอใจกับการชำระเงินวันนี้มากน้อยแค่ไหน',
      'followUp.detractor.en': 'What went wrong?', 'followUp.detractor.th': 'เกิดอะไรขึ้น',
      reasons: 'Delivery\nPrice', askContact: 'on', 'contact.phone': 'on', 'contact.email': 'on',
      reviewUrl: 'https://g.page/r/shop/review', 'reviewLabel.en': 'Review us on Google', 'reviewLabel.th': 'รีวิวเราบน Google',
      'trigger.event': 'checkout', cooldownDays: '1', sampleRate: '100', accent: '#0f766e', position: 'bottom-right',
    })).status).toBe(303);
    expect((await save('/app/surveys/after-checkout/publish', {})).status).toBe(303);
    expect((await save('/app/surveys', { id: 'nps', type: 'nps', mode: 'kiosk', kioskIdle: '45' })).status).toBe(303);
    browser = await openChromium({ origin: collector.origin, cookie: owner, name: 'editor' });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    await new Promise((resolve) => site?.close(resolve));
  }, 60_000);

  const open = (path: string, lang: 'th' | 'en', width: number) => openAppPage(browser.context, collector.origin, path, lang, width);
  // The preview frame holds the widget, whose own accessibility the SDK's browser tests cover.
  const axe = (page: Page) => axeViolations(page, { exclude: [['#preview-frame']], iframes: false });
  const preview = (page: Page) => page.frameLocator('#preview-frame').locator('hearback-prompt');

  for (const lang of ['en', 'th'] as const) {
    for (const width of [390, 1280]) {
      it(`list and editor: no axe or CSP problem, no sideways scroll, the preview shows the draft (${lang}, ${width} px)`, async () => {
        for (const [name, path] of [['surveys', '/app/surveys'], ['survey-editor', '/app/surveys/after-checkout']] as const) {
          const { page, violations } = await open(path, lang, width);
          if (name === 'survey-editor') {
            const question = lang === 'th' ? 'คุณพอใจกับการชำระเงินวันนี้มากน้อยแค่ไหน' : 'How satisfied are you with your checkout today?';
            await preview(page).getByText(question).waitFor({ timeout: 40_000 }).catch(async () => {
              throw new Error(`the preview did not show "${question}": ${await page.locator('#preview-status').textContent()}`);
            });
          }
          expect(await axe(page), `${path} ${lang} ${width}`).toEqual([]);
          expect(violations, `CSP ${path}`).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll on ${path}`).toBe(true);
          await browser.shot(page, `${name}-${lang}-${width}.png`);
          await page.close();
        }
      });
    }
  }

  it('the preview follows what the owner types, switches language, and answers in it are not kept', async () => {
    const { page, violations } = await open('/app/surveys/after-checkout', 'en', 1280);
    await preview(page).getByText('How satisfied are you with your checkout today?').first().waitFor({ timeout: 40_000 });
    // The owner pauses, the preview shows the draft, and the owner types on: every key lands in the
    // field (the preview's prompt once took the focus into its frame, and the keys with it).
    const question = page.locator('#f-question-en');
    await question.fill('Was checkout quick');
    await preview(page).getByText('Was checkout quick').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300); // room for the prompt's focus move, had it made one
    expect(await page.evaluate(() => document.activeElement?.id), 'focus after the preview updated').toBe('f-question-en');
    await page.keyboard.type(' today?');
    expect(await question.inputValue()).toBe('Was checkout quick today?');
    await preview(page).getByText('Was checkout quick today?').first().waitFor({ timeout: 30_000 });
    await page.getByRole('radio', { name: 'ไทย' }).check();
    await preview(page).getByText('คุณพอใจกับการชำระเงินวันนี้มากน้อยแค่ไหน').first().waitFor({ timeout: 30_000 });
    // A problem keeps the last good preview and says what to fix.
    await page.locator('#f-trigger-scroll').fill('150');
    // In the whole suite on two cores this once took over 10 s; on failure, say what showed.
    await page.waitForFunction(() => document.getElementById('preview-status')?.textContent?.includes('trigger.scroll: must be a scroll depth in percent from 1 to 100'), undefined, { timeout: 30_000 })
      .catch(async (error) => {
        throw new Error(`the status never named the scroll problem; it said "${await page.locator('#preview-status').textContent()}", the field holds "${await page.locator('#f-trigger-scroll').inputValue()}" (${error.message})`);
      });
    await preview(page).getByRole('radio', { name: /^5/ }).check();
    await preview(page).getByRole('button', { name: 'ส่ง' }).click();
    await preview(page).getByText('ขอบคุณสำหรับความคิดเห็นของคุณ').or(preview(page).getByRole('textbox')).first().waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
    expect((await collector.db.query('SELECT id FROM responses')).rows).toEqual([]);
    // Nothing typed was saved: the published survey is unchanged.
    expect(await (await collector.request('/api/surveys.json')).text()).toContain('How satisfied are you with your checkout today?');
    await page.close();
  });

  it('a check that answers late never overwrites a newer one: the problem typed last stays on screen', async () => {
    const { page } = await open('/app/surveys/after-checkout', 'en', 1280);
    await preview(page).getByText('How satisfied are you with your checkout today?').first().waitFor({ timeout: 40_000 });
    // The next check is slow (a busy server, a phone's network); the one after it is not.
    let slowNext = true;
    await page.route('**/app/surveys/check', async (route) => {
      if (slowNext) {
        slowNext = false;
        await new Promise((resolve) => setTimeout(resolve, 2500));
      }
      await route.continue();
    });
    await page.locator('#f-question-en').fill('Was checkout quick today?');
    await page.waitForTimeout(600); // its check is on its way (the form waits 400 ms for typing to stop)
    await page.locator('#f-trigger-scroll').fill('150');
    const problem = 'trigger.scroll: must be a scroll depth in percent from 1 to 100';
    await page.waitForFunction((text) => document.getElementById('preview-status')?.textContent?.includes(text), problem, { timeout: 30_000 });
    // Every status the owner sees from now on, while the slow, older check answers.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      const status = document.getElementById('preview-status')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.waitForTimeout(2500);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.filter((text) => !text.includes(problem) && !text.includes('Updating'))).toEqual([]);
    expect(await page.locator('#preview-status').textContent()).toContain(problem);
    await page.close();
  });

  it('a page of an allowed site reads the published surveys cross-origin, then gets 304 with the ETag', async () => {
    const page = await browser.context.newPage();
    await page.goto(siteOrigin);
    const result = await page.evaluate(async (url) => {
      const first = await fetch(url);
      const surveys = await first.json();
      const etag = first.headers.get('etag') ?? '';
      const second = await fetch(url, { headers: { 'if-none-match': etag }, cache: 'no-store' });
      return { status: first.status, ids: surveys.map((s: { id: string }) => s.id), etag, second: second.status };
    }, `${collector.origin}/api/surveys.json`);
    expect(result).toMatchObject({ status: 200, ids: ['after-checkout'], second: 304 });
    expect(result.etag).toMatch(/^".+"$/);
    await page.close();
  });
});
