import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createSecretBox } from '../../src/alerts/secret-box';
import { createRule } from '../../src/alerts/rule-store';
import { OWNER, signIn, startTestCollector, type TestCollector } from '../harness';
import { makeAnswer, storeAnswer } from './answers';
import { openChromium, type Chromium } from '../support/chromium-page';
import { startFakeHttp, type FakeHttp } from './fakes/fake-http';

// UPDATE_SCREENSHOTS=1 keeps the pictures in docs/screenshots (`openChromium`).

/** The alerts settings in real Chromium: strict CSP, axe WCAG 2.2 AA, Thai and English, 390 and 1280 px. */
describe('alerts settings in Chromium', { timeout: 120_000 }, () => {
  let collector: TestCollector;
  let slack: FakeHttp;
  let browser: Chromium;
  let channelId: string;

  beforeAll(async () => {
    slack = await startFakeHttp();
    // With HEARBACK_SECRET_KEY, as a shop should run it: the channels' secrets are stored encrypted.
    collector = await startTestCollector({ config: { timezone: 'Asia/Bangkok', secretKey: 'a-secret-key-for-the-browser-tests-0123', allowPrivateDestinations: true } });
    const { db } = collector;
    const box = createSecretBox(collector.deps.config.secretKey);
    channelId = await createChannel(db, {
      name: 'เจ้าของร้าน (LINE)', kind: 'line', locale: 'th', config: { to: `U${'9f'.repeat(16)}`, token: 'long-lived-channel-token-abcd1234' },
      quiet: { from: '22:00', to: '07:00' }, digestHour: 8,
    }, box);
    const slackId = await createChannel(db, { name: 'Shop team on Slack', kind: 'slack', locale: 'en', config: { webhookUrl: `${slack.url}/services/T000/B000/secretXYZ9` }, quiet: null, digestHour: null }, box);
    await createChannel(db, {
      name: 'Manager email', kind: 'email', locale: 'en',
      config: { host: 'smtp.gmail.com', port: '465', security: 'tls', user: 'alerts@shop.example', password: 'app-password-qrst', from: 'alerts@shop.example', to: 'manager@shop.example' },
      quiet: null, digestHour: 9,
    }, box);
    await createRule(db, { name: 'ลูกค้าไม่พอใจ', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channelId, slackId] });
    await createRule(db, { name: 'CSAT ≤ 2 at Siam', enabled: true, conditions: [{ kind: 'score-at-most', type: 'csat', max: 2 }, { kind: 'context', key: 'branch', value: 'Siam' }], channelIds: [slackId] });
    await createRule(db, { name: 'Mentions "refund"', enabled: false, conditions: [{ kind: 'comment-mentions', text: 'refund' }], channelIds: [slackId] });

    // One alert that gave up, as the owner would find it after a token was revoked, recorded (as
    // before delivery reasons) with LINE's own reply.
    const failed = makeAnswer({ type: 'nps', score: 3, comment: 'Waited 20 minutes at the counter' });
    await storeAnswer(db, failed, async () => {});
    await db.query(
      `INSERT INTO alert_deliveries (channel_id, answer_id, status, attempts, due_at, last_error)
       VALUES ($1, $2, 'failed', 8, now(), $3)`,
      [channelId, failed.id, 'api.line.me answered 401: {"message":"Authentication failed. Confirm that the access token in the authorization header is valid."}'],
    );
    browser = await openChromium({ origin: collector.origin, cookie: await signIn(collector, OWNER) });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
    await slack?.close();
  }, 60_000);

  async function open(path: string, lang: 'th' | 'en', width: number): Promise<{ page: Page; violations: string[] }> {
    const { page, violations, status } = await browser.open(path, lang, width);
    expect(status).toBe(200);
    return { page, violations };
  }

  const axe = (page: Page) => browser.axe(page);

  for (const lang of ['en', 'th'] as const) {
    for (const width of [390, 1280]) {
      it(`overview, channel form and rule form: no axe or CSP problem (${lang}, ${width} px)`, async () => {
        for (const [name, path] of [['alerts', '/alerts'], ['alerts-channel', `/alerts/channels/${channelId}`], ['alerts-rule', '/alerts/rules/new']]) {
          const { page, violations } = await open(path, lang, width);
          expect(await axe(page), `${path} ${lang} ${width}`).toEqual([]);
          expect(violations, `CSP ${path}`).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll on ${path}`).toBe(true);
          await browser.shot(page, `${name}-${width}-${lang}.png`);
          await page.close();
        }
      });
    }
  }

  it('the menu has the Alerts entry, and the shell stylesheet and ours load under the CSP', async () => {
    const { page } = await open('/alerts', 'th', 1280);
    await expect(page.getByRole('link', { name: 'การแจ้งเตือน' }).getAttribute('aria-current')).resolves.toBe('page');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.actions')!).display)).toBe('flex');
    expect(await page.content()).not.toContain('long-lived-channel-token-abcd1234');
    // Status and a short reason in Thai; never the far side's words.
    const gaveUp = await page.locator('#gave-up ~ ul, section[aria-labelledby="gave-up"]').first().textContent();
    expect(gaveUp).toContain('api.line.me ตอบกลับ 401');
    expect(gaveUp).not.toContain('Authentication failed');
    await page.close();
  });

  it('a keyboard user sends a test alert and hears the result', async () => {
    const { page } = await open('/alerts', 'en', 1280);
    const button = page.getByRole('button', { name: 'Send a test alert to Shop team on Slack' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Test alert sent to "Shop team on Slack"');
    expect(slack.requests.at(-1)!.body).toContain('Test alert from hearback');
    await page.close();
  });
});
