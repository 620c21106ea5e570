// What the owner-view screenshots and the Chromium tests share: the demo server with its month of
// answers, and a fresh Chromium profile signed in as the demo owner.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_OWNER } from '../demo-owner.mjs';

const root = new URL('../../', import.meta.url).pathname;

/** The demo server with its month of answers, on a free port; resolves with its origin and what it printed on its way up. */
export async function startDemo(env = {}) {
  // The demo's own default time zone (Asia/Bangkok) unless `env` names one.
  const { HEARBACK_TIMEZONE: _zone, ...inherited } = process.env;
  const server = spawn(process.execPath, ['demo/server.mjs', '--demo-data'], {
    cwd: root, env: { ...inherited, PORT: '0', HEARBACK_DATA_DIR: 'memory', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  const origin = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`the demo did not start with its data: ${text}`)), 120_000);
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const listening = text.match(/listening on (\S+)/);
      if (listening && /demo data: \d+ answers[^]*owner app:.*\n/.test(text)) {
        clearTimeout(timer);
        printed = text;
        resolve(listening[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`the demo exited (${code}): ${text}`)));
  });
  // `started`: what the demo printed up to its banner.
  return { origin, started: printed, stop: () => server.kill('SIGTERM') };
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

