import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openChromium, type Chromium } from '../support/chromium-page';
import { answer, signIn, startTestCollector, type TestCollector } from '../harness';

// UPDATE_SCREENSHOTS=1 keeps the pictures in docs/screenshots; otherwise they go to a
// temporary folder that is deleted.
const STAFF = { email: 'noi@shop.example', password: 'staff password 123' };
const HOUR = 3_600_000;

/**
 * The inbox in real Chromium, Thai and English, 390 and 1280 px: the contact links and the LINE ID
 * (copied with and without clipboard permission), giving a case to a staff member by keyboard, the
 * overdue mark, the new-cases count in the menu; axe WCAG 2.2 AA and the strict CSP.
 */
describe('the inbox in Chromium', { timeout: 120_000 }, () => {
  let collector: TestCollector;
  let browser: Chromium;

  beforeAll(async () => {
    collector = await startTestCollector({ config: { timezone: 'Asia/Bangkok' } });
    await collector.accounts.users.add({ ...STAFF, role: 'staff' });
    const now = Date.now();
    const answers = [
      answer({ id: 'browser-overdue', type: 'nps', score: 2, scale: [0, 10], locale: 'th', answeredAt: new Date(now - 60 * HOUR).toISOString(), comment: 'รอของนานมาก ยังไม่ได้ของเลย', contact: true, contactVia: { phone: '081-234-5678', line: 'somchai.k' }, user: { id: 'u-7', name: 'สมชาย' }, context: { orderId: 'A1017', branch: 'Siam' } }),
      answer({ id: 'browser-email', type: 'csat', score: 1, scale: [1, 5], answeredAt: new Date(now - 5 * HOUR).toISOString(), comment: 'The parcel arrived broken.', contact: true, contactVia: { email: 'mali@example.com' }, user: { id: 'u-8', name: 'Mali' }, context: { orderId: 'A1018', branch: 'Chiang Mai' } }),
      answer({ id: 'browser-quiet', type: 'ces', score: 2, scale: [1, 7], answeredAt: new Date(now - 1 * HOUR).toISOString(), comment: 'Hard to find the returns form', context: { branch: 'Siam' } }),
    ];
    for (const body of answers) {
      const response = await collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
      expect(response.status).toBe(201);
    }
    browser = await openChromium({ origin: collector.origin, cookie: await signIn(collector), name: 'inbox' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
  }, 60_000);

  const context = () => browser.context;
  async function open(lang: 'th' | 'en', width: number): Promise<{ page: Page; problems: string[] }> {
    await context().addCookies([{ name: 'hearback_lang', value: lang, url: collector.origin }]);
    const page = await context().newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const problems: string[] = [];
    page.on('console', (message) => /Content Security Policy|Refused to/i.test(message.text()) && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    expect((await page.goto(`${collector.origin}/inbox`))!.status()).toBe(200);
    await page.waitForSelector('#app[data-ready="true"]', { timeout: 30_000 });
    return { page, problems };
  }


  for (const lang of ['en', 'th'] as const) {
    for (const width of [390, 1280]) {
      it(`no axe or CSP problem, no sideways scroll, contact links named, overdue said in words (${lang}, ${width} px)`, async () => {
        const { page, problems } = await open(lang, width);
        await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        expect(await axeViolations(page), `${lang} ${width}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll').toBe(true);
        const call = page.getByRole('link', { name: lang === 'th' ? 'โทรหา 081-234-5678' : 'Call 081-234-5678' });
        expect(await call.getAttribute('href')).toBe('tel:0812345678');
        expect(await page.getByRole('link', { name: lang === 'th' ? 'ส่งอีเมลถึง mali@example.com' : 'Email mali@example.com' }).getAttribute('href')).toBe('mailto:mali@example.com');
        const overdue = page.locator('li[data-case="browser-overdue"]');
        expect(await overdue.getByTestId('due').textContent()).toMatch(lang === 'th' ? /^เลยกำหนด\. ครบกำหนด/ : /^Overdue\. Due/);
        expect(await page.locator('li[data-case="browser-quiet"]').getByTestId('due').textContent()).toMatch(lang === 'th' ? /^ครบกำหนด/ : /^Due/);
        // The menu counts the new cases, and says what the number is.
        expect(await page.locator('.shell-nav a[href="/inbox"]').textContent()).toBe(lang === 'th' ? 'กล่องงาน 3 เคสใหม่' : 'Inbox 3 new cases');
        // On a phone the menu is behind its button, which carries the count too.
        if (width === 390) expect(await page.locator('button.menu-toggle').textContent()).toBe(lang === 'th' ? 'เมนู 3 เคสใหม่' : 'Menu 3 new cases');
        // The tall phone page is cut at about two screens, as the other views' screenshots are.
        await page.screenshot({ path: `${browser.screenshots}inbox-cases-${lang}-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(await page.evaluate(() => document.documentElement.scrollHeight), width < 600 ? 1800 : 1900) } });
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  }

  it('copies the LINE ID with clipboard permission; without it, the ID is selected to copy by hand (and on focus)', async () => {
    const { page } = await open('en', 390);
    const card = page.locator('li[data-case="browser-overdue"]');
    const field = card.getByRole('textbox', { name: 'LINE ID' });
    await context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: collector.origin });
    await card.getByRole('button', { name: 'Copy LINE ID' }).click();
    await card.getByRole('status').filter({ hasText: 'LINE ID copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('somchai.k');
    await context().clearPermissions();

    // No clipboard (a browser or a page that refuses it): the field is selected for Ctrl+C.
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } }));
    await page.evaluate(() => Object.defineProperty(document, 'execCommand', { value: () => false }));
    await card.getByRole('button', { name: 'Copy LINE ID' }).click();
    await card.getByRole('status').filter({ hasText: 'Selected: press Ctrl+C' }).waitFor();
    const selected = () => field.evaluate((input: HTMLInputElement) => document.activeElement === input && input.value.slice(input.selectionStart!, input.selectionEnd!));
    expect(await selected()).toBe('somchai.k');
    // Reaching the field by keyboard selects it too.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await selected()).toBe('somchai.k');
    await page.close();
  });

  it('by keyboard, gives a case to a staff member: announced, shown first to them, and the menu counts one new case fewer', async () => {
    const { page } = await open('en', 1280);
    const select = page.locator('li[data-case="browser-email"]').getByRole('combobox', { name: 'Assigned to' });
    await select.focus();
    await select.selectOption({ label: STAFF.email });
    await page.waitForFunction((text) => document.querySelector('p.status-line')?.textContent === text, `Assigned to ${STAFF.email}`);
    expect(await page.evaluate(() => document.activeElement?.closest('li.case')?.getAttribute('data-case'))).toBe('browser-email');
    await page.reload();
    await page.waitForSelector('#app[data-ready="true"]');
    expect(await page.locator('.shell-nav a[href="/inbox"]').textContent()).toBe('Inbox 2 new cases');
    await page.getByRole('combobox', { name: 'Whose cases' }).selectOption({ label: STAFF.email });
    await page.waitForFunction(() => document.querySelector('#app')?.getAttribute('data-ready') === 'true' && document.querySelectorAll('li.case').length === 1);
    expect(await page.locator('li.case').getAttribute('data-case')).toBe('browser-email');
    await page.close();

    // The staff member sees their case first, though it is not the newest.
    const staffCookie = (await signIn(collector, STAFF)).split('=');
    await context().addCookies([{ name: staffCookie[0], value: staffCookie.slice(1).join('='), url: collector.origin }]);
    const mine = await open('en', 1280);
    expect(await mine.page.locator('li.case').first().getAttribute('data-case')).toBe('browser-email');
    expect(await mine.page.locator('li.case').first().getByRole('combobox', { name: 'Assigned to' }).locator('option:checked').textContent()).toBe(`${STAFF.email} (you)`);
    await mine.page.close();
  });
});
