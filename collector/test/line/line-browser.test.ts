import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineSignature } from '../../src/line/line-signature';
import { startFakeLine, type FakeLine } from '../alerts/fakes/fake-line';
import { OWNER, asBrowser, signIn, startTestCollector, type TestCollector } from '../harness';
import { CHANNEL_SECRET, CHANNEL_TOKEN, events } from './line-fixture';

const axeSource = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// HEARBACK_SCREENSHOTS=docs/screenshots keeps the pictures for the docs; otherwise they go to a
// temporary folder that is deleted.
const keep = process.env.HEARBACK_SCREENSHOTS;
const GROUP = `C${'5e'.repeat(16)}`;

/** The LINE page in real Chromium: strict CSP, axe WCAG 2.2 AA, Thai and English, 390 and 1280 px. */
describe('the LINE page in Chromium', { timeout: 120_000 }, () => {
  let collector: TestCollector;
  let line: FakeLine;
  let context: BrowserContext;
  let profile: string;
  let shots: string;

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
    profile = mkdtempSync(join(tmpdir(), 'hearback-chromium-'));
    shots = keep ?? mkdtempSync(join(tmpdir(), 'hearback-shots-'));
    mkdirSync(shots, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name, value: value.join('='), url: collector.origin }]);
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await collector?.close();
    await line?.close();
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
    expect((await page.goto(`${collector.origin}${path}`))!.status()).toBe(200);
    return { page, violations };
  }

  async function axe(page: Page) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    // The shell's language button (not ours): axe matches whole words, and Thai has no spaces between them.
    const where = { exclude: [['.shell-top button[name="lang"]']] };
    const result = await page.evaluate(([values, scope]) => (window as unknown as { axe: { run: (d: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(scope, { runOnly: { type: 'tag', values } }), [tags, where] as const);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  for (const lang of ['en', 'th'] as const) {
    for (const width of [390, 1280]) {
      it(`shows the connection, QR code, quota and group without an axe or CSP problem (${lang}, ${width} px)`, async () => {
        const { page, violations } = await open('/line', lang, width);
        expect(await axe(page)).toEqual([]);
        expect(violations).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll').toBe(true);
        const text = await page.locator('main').textContent();
        expect(text).toContain(lang === 'th' ? 'ส่งไปแล้ว 128 จาก 300 ข้อความในเดือนนี้' : '128 of 300 messages sent this month');
        expect(text).toContain('ผู้จัดการร้าน');
        expect(await page.locator('.qr svg').count()).toBe(1);
        expect(await page.content()).not.toContain(CHANNEL_TOKEN);
        await page.screenshot({ path: join(shots, `line-${width}-${lang}.png`), fullPage: true });
        await page.close();
      });
    }
  }
});
