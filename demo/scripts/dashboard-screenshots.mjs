// Screenshots of the owner's views — inbox, dashboard, comments — at 390 px (a phone) and 1280 px,
// in English and Thai, over the demo month, signed in as the demo owner, in Debian's Chromium.
// Usage: node demo/scripts/dashboard-screenshots.mjs [--out DIR] [--docs]
//   --out DIR  where all twelve go (default: a new folder under the system's temp folder)
//   --docs     also refresh the four kept in docs/screenshots/ (dashboard-en-1280, dashboard-th-390,
//              inbox-en-390, inbox-th-1280)
// Needs `npm run build` (the SDK's dist/) first. Starts demo/server.mjs on a free port with an
// in-memory database and the demo data; stops it at the end. Bounded: 30 s per page.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { DEMO_OWNER } from '../demo-owner.mjs';

const root = new URL('../../', import.meta.url).pathname;
const { values: flags } = parseArgs({ options: { out: { type: 'string' }, docs: { type: 'boolean' } } });
const out = flags.out ?? mkdtempSync(join(tmpdir(), 'hearback-views-'));
mkdirSync(out, { recursive: true });
export const kept = ['dashboard-en-1280', 'dashboard-th-390', 'inbox-en-390', 'inbox-th-1280'];

/** The demo server with its month of answers, on a free port; resolves with its origin. */
export async function startDemo(env = {}) {
  const server = spawn(process.execPath, ['demo/server.mjs', '--demo-data'], {
    cwd: root, env: { ...process.env, PORT: '0', HEARBACK_DATA_DIR: 'memory', DATABASE_URL: '', HEARBACK_TIMEZONE: 'Asia/Bangkok', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`the demo did not start with its data: ${text}`)), 120_000);
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const listening = text.match(/listening on (\S+)/);
      if (listening && /demo data: \d+ answers/.test(text)) {
        clearTimeout(timer);
        resolve(listening[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`the demo exited (${code}): ${text}`)));
  });
  return { origin, stop: () => server.kill('SIGTERM') };
}

/** A fresh Chromium profile speaking `lang`, signed in as the demo owner. */
export async function signedIn(origin, lang, width) {
  const profile = mkdtempSync(join(tmpdir(), 'hearback-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width, height: width < 600 ? 844 : 900 },
    locale: lang === 'th' ? 'th-TH' : 'en-GB',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/signin?next=/inbox`);
  await page.locator('input[type=email]').fill(DEMO_OWNER.email);
  await page.locator('input[type=password]').fill(DEMO_OWNER.password);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL(/\/inbox/);
  return { context, page, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Opens a view and waits until its data is on screen. */
export async function openView(page, origin, view) {
  await page.goto(`${origin}/${view}`);
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 30_000 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const demo = await startDemo();
  try {
    for (const lang of ['en', 'th']) {
      for (const width of [390, 1280]) {
        const browser = await signedIn(demo.origin, lang, width);
        try {
          for (const view of ['inbox', 'dashboard', 'comments']) {
            await openView(browser.page, demo.origin, view);
            // The top of the page, up to about two phone screens or one and a half desktop ones.
            const height = Math.min(await browser.page.evaluate(() => document.documentElement.scrollHeight), width < 600 ? 1800 : 1900);
            await browser.page.screenshot({ path: join(out, `${view}-${lang}-${width}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
          }
        } finally {
          await browser.close();
        }
      }
    }
    if (flags.docs) for (const name of kept) copyFileSync(join(out, `${name}.png`), join(root, 'docs/screenshots', `${name}.png`));
    console.log(`screenshots in ${out}${flags.docs ? ' (and the kept ones in docs/screenshots/)' : ''}`);
  } finally {
    demo.stop();
  }
}
