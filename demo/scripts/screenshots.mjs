// Takes the README screenshots in Debian's Chromium: the demo shop with its CSAT prompt, and the
// dashboard over seeded answers and the snippet builder, signed in as the demo owner. Usage: node demo/scripts/screenshots.mjs
// [origin] (default: starts a server on a free port with an in-memory database and seeds it).
import { spawn } from 'node:child_process';
import { launch } from '../../test/browser/harness.mjs';
import { DEMO_OWNER } from '../demo-owner.mjs';
import { seed } from './seed.mjs';

const out = new URL('../../docs/screenshots/', import.meta.url).pathname;
let origin = process.argv[2];
let server;
if (!origin) {
  server = spawn(process.execPath, ['demo/server.mjs'], { env: { ...process.env, PORT: '0', HEARBACK_DATA_DIR: 'memory', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise((resolve) => {
    let text = '';
    server.stdout.on('data', (chunk) => { text += chunk; const m = text.match(/listening on (\S+)/); if (m) resolve(m[1]); });
  });
  await seed(origin);
}
const context = await launch({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
try {
  const page = await context.newPage();
  await page.goto(`${origin}/signin?next=/dashboard`);
  await page.getByLabel('Email').fill(DEMO_OWNER.email);
  await page.getByLabel('Password').fill(DEMO_OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('[data-ready="true"]', { timeout: 15_000 });
  await page.waitForTimeout(800); // chart.js animations
  await page.screenshot({ path: `${out}dashboard.png`, fullPage: true });

  await page.goto(`${origin}/app/snippet`);
  await page.getByLabel('When to ask').selectOption('event');
  await page.getByRole('button', { name: 'Show the preview' }).click();
  await page.locator('hearback-prompt').getByRole('radiogroup').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}snippet-builder.png`, fullPage: true });

  await page.goto(`${origin}/shop/order-complete.html?order=A1742`);
  await page.getByRole('radiogroup').waitFor({ timeout: 10_000 }).catch(() => console.error('no prompt showed on this page'));
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}demo-shop.png` });

  await page.evaluate(() => { localStorage.setItem('demo-lang', 'th'); });
  await page.goto(`${origin}/shop/support.html`);
  await page.click('#support-form button[type="submit"]');
  await page.getByRole('radiogroup').waitFor({ timeout: 10_000 }).catch(() => console.error('no prompt showed on this page'));
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}demo-shop-th.png` });
  console.log(`screenshots written to ${out}`);
} finally {
  await context.close();
  server?.kill('SIGTERM');
}
