// Issue 21's "Done when", end to end in Debian's Chromium against the real app (PGlite, over HTTP)
// and a shop on another origin (a second small server on 127.0.0.1) whose page is exactly the tag
// the snippet builder (/app/snippet) writes, never changed during the test; in Thai and English
// (the visitor's browser language picks the survey's):
// 1. the owner edits a published survey's question in the survey editor and publishes it; the shop
//    page, loaded again, asks the new question within a minute;
// 2. with the app unreachable, the same page asks the last published question, with no error;
// 3. a site not yet allowed: its page says the fix in one console line (the app serves it no
//    surveys), Settings lists it with its count, the owner allows it with one key, and the page
//    asks; taken off the list again while a prompt is open, the visitor's answer gets 403 and is
//    kept (one console line), Settings lists it again, and once the owner allows it the next page
//    view delivers the answer, stored exactly once.
// The app sits behind a TCP proxy (its public address, so the snippet names it) that can cut it
// off as a stopped server would; the visitor's script and chunks then come from the browser's
// cache, as they do for a returning visitor. Needs the SDK's dist/ (`npm run build`; built here
// when missing).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../../test/browser/harness.mjs';
import { fill } from '../../src/shell/lang';
import { createSiteSettingsStore } from '../../src/site-settings/site-settings-store';
import { siteText } from '../../src/site-settings/site-text';
import { editorText } from '../../src/surveys/editor-text';
import { startTestCollector, signIn, type TestCollector } from '../harness';
import { openAppPage } from '../support/chromium-page';
import { startCuttableProxy, type CuttableProxy } from '../support/cuttable-proxy';

const repository = new URL('../../../', import.meta.url).pathname;
const survey = 'after-checkout';
const locales = { th: 'th-TH', en: 'en-US' } as const;
const send = { th: 'ส่ง', en: 'Send' } as const;
const questions = {
  published: { en: 'How was your checkout today?', th: 'การชำระเงินวันนี้เป็นอย่างไรบ้าง' },
  edited: { en: 'Did you find everything you needed today?', th: 'วันนี้คุณหาสินค้าที่ต้องการเจอครบไหม' },
} as const;

/** A site on 127.0.0.1 (its own port, so its own origin) serving `html` at `/` (and an empty favicon). */
async function startSite(html: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** The snippet as the builder shows it in `<code id="snippet">` (and its copy button copies). */
const snippetOf = (html: string) => /<code id="snippet">([^<]*)<\/code>/.exec(html)![1]
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('self-service: the owner changes what the site asks, in Chromium', { timeout: 60_000 }, () => {
  let collector: TestCollector;
  let proxy: CuttableProxy;
  /** The app's address as sites and the owner reach it: the proxy's. */
  let app: string;
  let cookie: string;
  let snippet: string;
  let shop: Awaited<ReturnType<typeof startSite>>;
  const contexts: BrowserContext[] = [];
  const sites: Awaited<ReturnType<typeof startSite>>[] = [];

  beforeAll(async () => {
    if (!existsSync(`${repository}dist/hearback.min.js`)) execFileSync('npm', ['run', 'build'], { cwd: repository, stdio: 'ignore' });
    collector = await startTestCollector({ config: { timezone: 'Asia/Bangkok' } });
    proxy = await startCuttableProxy(collector.origin);
    app = new URL(proxy.url).origin;
    // Setup, not under test: the app's public address is the proxy's (Settings → Site), so the
    // snippet names it; the shop is an allowed site.
    const store = createSiteSettingsStore(collector.db);
    const setting = async (change: Parameters<typeof store.save>[0]) => (await store.save(change, null), await collector.deps.settings.refresh({ force: true }));
    await setting({ publicUrl: app });
    const viaProxy = { origin: app, request: (path: string, init?: RequestInit) => fetch(`${app}${path}`, { redirect: 'manual', ...init }) };
    cookie = await signIn(viaProxy);
    snippet = snippetOf(await (await viaProxy.request('/app/snippet', { headers: { cookie } })).text());
    expect(snippet).toContain(`data-surveys-url="${app}/api/surveys.json"`);
    shop = await startSite(snippet);
    sites.push(shop);
    await setting({ allowedOrigins: [shop.origin] });
    const form = (path: string, fields: Record<string, string>) => viaProxy.request(path, {
      method: 'POST', headers: { cookie, origin: app, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
    });
    expect((await form('/app/surveys', {
      id: survey, type: 'csat', style: 'numbers', mode: 'popup', followUp: 'skip', 'trigger.delay': '0', position: 'bottom-right',
      'question.en': questions.published.en, 'question.th': questions.published.th,
    })).status).toBe(303);
    expect((await form(`/app/surveys/${survey}/publish`, {})).status).toBe(303);
  }, 120_000);
  afterEach(async () => {
    await proxy.restore();
    while (contexts.length) await contexts.pop()!.close();
  });
  afterAll(async () => {
    for (const site of sites) await site.close();
    await proxy?.close();
    await collector?.close();
  });

  /** A fresh context on the file's one Chromium. */
  async function context(options: Parameters<typeof launch>[0] = {}) {
    const opened = await launch(options);
    contexts.push(opened);
    return opened;
  }

  /** The owner, signed in, on an app page in `lang`. */
  async function ownerPage(path: string, lang: 'th' | 'en') {
    const owner = await context();
    const [name, ...value] = cookie.split('=');
    await owner.addCookies([{ name, value: value.join('='), url: app }]);
    return (await openAppPage(owner, app, path, lang, 1280)).page;
  }

  /** A visitor in `lang`, with what their pages report: uncaught errors and console errors. */
  async function visitor(lang: 'th' | 'en') {
    const browser = await context({ locale: locales[lang] });
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    return { browser, page, pageErrors, consoleErrors };
  }

  const prompt = (page: Page) => page.locator('hearback-prompt');
  /**
   * Asks the page's widget for the survey now (`hearback('show', …)`, which skips the frequency
   * rules: a visitor who was just asked is not asked again by the page's own trigger) and waits
   * for its question.
   */
  async function shownQuestion(page: Page): Promise<string> {
    await page.waitForFunction(() => typeof (window as { hearback?: unknown }).hearback === 'function', undefined, { polling: 50, timeout: 15_000 });
    expect(await page.evaluate((id) => (window as unknown as { hearback(c: string, id: string): Promise<boolean> }).hearback('show', id), survey)).toBe(true);
    return (await prompt(page).getByRole('radiogroup').locator('legend').textContent())!.trim();
  }

  /** The widget's reads of the published surveys, as they went: `If-None-Match` sent, status (or 'failed'), ETag. */
  function surveyReads(browser: BrowserContext) {
    const requests: Request[] = [];
    browser.on('request', (request) => request.method() === 'GET' && request.url() === `${app}/api/surveys.json` && requests.push(request));
    return async () => Promise.all(requests.map(async (request) => {
      const response = await request.response();
      return { ifNoneMatch: (await request.allHeaders())['if-none-match'], status: response?.status() ?? 'failed', etag: response?.headers().etag };
    }));
  }

  for (const lang of ['th', 'en'] as const) {
    it(`${lang}: an edit published in the app is asked on the shop page within a minute; with the app unreachable, the last published question`, async () => {
      const { browser, page, pageErrors, consoleErrors } = await visitor(lang);
      const reads = surveyReads(browser);
      // The visitor's clock is Playwright's: it runs in real time and the test moves it on; the app's
      // is real. The widget keeps the copy it read and when (its clock) and reads again once that is
      // a minute old.
      await browser.clock.install({ time: Date.now() });

      // The page asks by itself (the survey's trigger: at once), in the visitor's language.
      await page.goto(`${shop.origin}/`);
      await prompt(page).getByText(questions.published[lang], { exact: true }).waitFor({ timeout: 15_000 });
      const readBy = await page.evaluate(() => Date.now()); // the copy was read before this
      const [first] = await reads();
      expect(first).toMatchObject({ ifNoneMatch: undefined, status: 200 });
      await browser.clock.fastForward(10_000); // the visitor reads the page for ten seconds

      // The owner changes the question in the editor, saves and publishes, as a user does.
      const publishFrom = await page.evaluate(() => Date.now()); // the visitor's time before the publish
      const editor = await ownerPage(`/app/surveys/${survey}`, lang);
      await editor.locator(`#f-question-${lang}`).fill(questions.edited[lang]);
      expect(await editor.locator(`#f-question-${lang}`).inputValue(), 'the field holds the edit; focus on ' + await editor.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))).toBe(questions.edited[lang]);
      await editor.getByRole('button', { name: editorText.save[lang], exact: true }).click();
      await editor.getByText(editorText.saved[lang]).waitFor();
      expect(await editor.locator(`#f-question-${lang}`).inputValue(), 'the saved draft holds the edit').toBe(questions.edited[lang]);
      await editor.getByRole('button', { name: editorText.publish[lang], exact: true }).click();
      await editor.getByText(editorText.publishedNote[lang]).waitFor();
      expect(await (await collector.request('/api/surveys.json')).text(), 'the app serves the new question').toContain(questions.edited[lang]);

      // Loaded again fifty seconds after the read (however long the owner took): the copy is less
      // than a minute old, so the widget does not ask the app.
      await browser.clock.setSystemTime(readBy + 50_000);
      await page.goto(`${shop.origin}/`);
      expect(await shownQuestion(page)).toBe(questions.published[lang]);
      expect(await reads()).toHaveLength(1);

      // "Within a minute": the visitor's clock is set to one minute after `readBy` (the copy was read
      // before it), and the page loaded again asks the new question, read from the app with the old
      // ETag. The copy was read ten seconds or more before `publishFrom`, so this page view comes at
      // most a minute after the publish: checked below on the visitor's own clock.
      await browser.clock.setSystemTime(readBy + 60_000);
      await page.goto(`${shop.origin}/`);
      expect(await shownQuestion(page), JSON.stringify({ reads: await reads(), sinceRead: await page.evaluate(() => Date.now()) - readBy })).toBe(questions.edited[lang]);
      const viewedAt = await page.evaluate(() => Date.now());
      expect(viewedAt - publishFrom).toBeLessThanOrEqual(60_000);
      const [, second] = await reads();
      expect(second).toMatchObject({ ifNoneMatch: first.etag, status: 200 });
      expect(second.etag).not.toBe(first.etag);

      // The app goes away. A minute later the widget tries it, cannot reach it, and asks the last
      // published question; the page sees no error (the browser's own line for the failed request aside).
      await proxy.cut();
      await browser.clock.fastForward(60_000);
      await page.goto(`${shop.origin}/`);
      expect(await shownQuestion(page), JSON.stringify(await reads())).toBe(questions.edited[lang]);
      expect((await reads()).map((read) => read.status)).toEqual([200, 200, 'failed']);
      expect(pageErrors).toEqual([]);
      expect(consoleErrors.filter((line) => !/net::ERR_CONNECTION_REFUSED/.test(line))).toEqual([]);
    });

    it(`${lang}: a site not yet allowed: one console line names the fix, Settings lists it with its count, one key allows it, the page asks; taken off again while a prompt is open, the answer is refused and kept, and once allowed again the next page view delivers it, stored once`, async () => {
      const site = await startSite(snippet); // the same page, on an origin the owner has not allowed
      sites.push(site);
      const stored = async () => (await collector.db.query<{ score: number }>('SELECT score FROM responses WHERE url = $1', [`${site.origin}/`])).rows;
      const { page, pageErrors, consoleErrors } = await visitor(lang);
      const hearbackLines = () => consoleErrors.filter((line) => line.startsWith('hearback:'));
      const fix = (what: string, then: string) => `hearback: ${app} refused ${what} ${site.origin} (HTTP 403): allow ${site.origin} in the owner's app, Settings → Sites. ${then}`;
      const surveysFix = fix('its published surveys to', 'Until then no survey from the app shows here.');
      const answersFix = fix('answers from', 'The answers are kept on this device and sent once the site is allowed.');
      /** Runs `act` and returns the app's status for the request to `path` it caused, and the widget's console line. */
      const refusal = async (path: string, act: () => Promise<unknown>) => {
        const told = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('hearback:'), timeout: 15_000 });
        const response = page.waitForResponse(`${app}${path}`, { timeout: 15_000 });
        await act();
        return { status: (await response).status(), line: (await told).text() };
      };

      // Its page reads the surveys, is refused, asks nothing, and says the fix in the console.
      expect(await refusal('/api/surveys.json', () => page.goto(`${site.origin}/`))).toEqual({ status: 403, line: surveysFix });
      expect(await prompt(page).count()).toBe(0);

      // The owner finds the site under Refused sites, with its count, and allows it from the keyboard.
      const settings = await ownerPage('/settings', lang);
      const allow = async (keyboard: boolean) => {
        await settings.getByText(fill(siteText.refusedTodayOnce[lang], { origin: site.origin })).waitFor();
        const button = settings.getByRole('button', { name: fill(siteText.allowLabel[lang], { origin: site.origin }) });
        if (keyboard) await button.focus().then(() => settings.keyboard.press('Enter'));
        else await button.click();
        await settings.getByText(fill(siteText.allowed[lang], { origin: site.origin })).waitFor();
      };
      await allow(true);

      // The next page view asks by itself (the survey's trigger), in the visitor's language, the
      // question the app publishes.
      const published = (await (await collector.request('/api/surveys.json')).json()) as { id: string; question: Record<string, string> }[];
      await page.goto(`${site.origin}/`);
      await prompt(page).getByText(published.find((entry) => entry.id === survey)!.question[lang], { exact: true }).waitFor({ timeout: 15_000 });

      // Meanwhile the owner takes the site off the list again (Settings → Site), and the visitor answers.
      await settings.locator('#site-allowedOrigins').fill(collector.deps.settings.current().allowedOrigins.filter((origin) => origin !== site.origin).join('\n'));
      await settings.getByRole('button', { name: siteText.save[lang], exact: true }).click();
      await settings.getByText(siteText.saved[lang]).waitFor();
      await prompt(page).getByRole('radio', { name: /^4/ }).check();
      expect(await refusal('/api/responses', () => prompt(page).getByRole('button', { name: send[lang], exact: true }).click())).toEqual({ status: 403, line: answersFix });
      expect(await stored()).toEqual([]);

      // The owner sees the refused answer and allows the site again with a click; the visitor's next
      // page view delivers the kept answer. It is stored once, and stays once after one more page
      // view has flushed whatever the widget still held.
      await settings.reload();
      await allow(false);
      await page.goto(`${site.origin}/`);
      await expect.poll(stored, { timeout: 15_000 }).toEqual([{ score: 4 }]);
      await page.goto(`${site.origin}/`);
      await page.waitForFunction(() => typeof (window as { hearback?: unknown }).hearback === 'function', undefined, { polling: 50 });
      await page.evaluate(() => (window as unknown as { hearback(c: string): Promise<void> }).hearback('flush'));
      expect(await stored()).toEqual([{ score: 4 }]);
      expect(pageErrors).toEqual([]);
      expect(hearbackLines()).toEqual([surveysFix, answersFix]);
    });
  }
});
