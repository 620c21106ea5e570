import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineSignature } from '../../src/line/line-signature';
import { startFakeLine, type FakeLine } from '../alerts/fakes/fake-line';
import { OWNER, asBrowser, signIn, startTestCollector, type TestCollector } from '../harness';
import { openChromium, type Chromium } from '../support/chromium-page';
import { CHANNEL_SECRET, CHANNEL_TOKEN, events } from './line-fixture';

const GROUP = `C${'5e'.repeat(16)}`;

/**
 * The LINE page in real Chromium: strict CSP, axe WCAG 2.2 AA, Thai and English, 390 and 1280 px.
 * UPDATE_SCREENSHOTS=1 keeps the pictures in docs/screenshots.
 */
describe('the LINE page in Chromium', { timeout: 120_000 }, () => {
  let collector: TestCollector;
  let line: FakeLine;
  let browser: Chromium;

  beforeAll(async () => {
    line = await startFakeLine(CHANNEL_TOKEN, { bot: { basicId: '@siamcafe', displayName: 'Siam Café' }, quota: { limit: 300, used: 128 }, groups: { [GROUP]: 'ผู้จัดการร้าน' } });
    collector = await startTestCollector({ config: { timezone: 'Asia/Bangkok', secretKey: 'a-secret-key-for-the-browser-tests-0123', allowPrivateDestinations: true, lineApiUrl: line.url } });
    const cookie = await signIn(collector, OWNER);
    const form = (path: string, fields: Record<string, string>) =>
      collector.request(path, { method: 'POST', headers: asBrowser(collector, cookie, { 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields).toString() });
    await form('/links/surveys', { id: 'after-meal', type: 'csat', questionTh: 'อาหารวันนี้เป็นอย่างไรบ้าง' });
    expect((await form('/line', { channelSecret: CHANNEL_SECRET, channelToken: CHANNEL_TOKEN, surveyId: 'after-meal', keywordTh: 'ให้คะแนน', keywordEn: 'rate us' })).status).toBe(303);
    expect((await form('/line/check', {})).status).toBe(200);
    const body = JSON.stringify({ destination: 'Ubot', events: [events.join(GROUP)] });
    expect((await collector.request('/api/line/webhook', { method: 'POST', headers: { 'x-line-signature': lineSignature(body, CHANNEL_SECRET) }, body })).status).toBe(200);
    browser = await openChromium({ origin: collector.origin, cookie });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    await line?.close();
  }, 60_000);

  for (const lang of ['en', 'th'] as const) {
    for (const width of [390, 1280]) {
      it(`shows the connection, QR code, quota and group without an axe or CSP problem (${lang}, ${width} px)`, async () => {
        const { page, violations, status } = await browser.open('/line', lang, width);
        expect(status).toBe(200);
        expect(await browser.axe(page)).toEqual([]);
        expect(violations).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll').toBe(true);
        const text = await page.locator('main').textContent();
        expect(text).toContain(lang === 'th' ? 'ส่งไปแล้ว 128 จาก 300 ข้อความในเดือนนี้' : '128 of 300 messages sent this month');
        expect(text).toContain('ผู้จัดการร้าน');
        expect(await page.locator('.qr svg').count()).toBe(1);
        expect(await page.content()).not.toContain(CHANNEL_TOKEN);
        await browser.shot(page, `line-${width}-${lang}.png`);
        await page.close();
      });
    }
  }
});
