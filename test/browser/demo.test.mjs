// Walks the demo shop in Debian's Chromium against the real collector (demo/server.mjs on PGlite in
// memory): product → cart → checkout → order complete → CSAT answered → the owner signs in → the
// dashboard shows it.
// Needs the built bundle (npm run build). Run: node --test test/browser/demo.test.mjs
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_OWNER } from '../../demo/demo-owner.mjs';
import { launch, root } from './harness.mjs';

let server, origin, context;

before(async () => {
  server = spawn(process.execPath, ['demo/server.mjs'], {
    cwd: root, env: { ...process.env, PORT: '0', HEARBACK_DATA_DIR: 'memory', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  origin = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http:\/\/[\d.:]+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  context = await launch();
});

after(async () => {
  await context?.close();
  server?.kill('SIGTERM');
});

test('checkout → CSAT answered → the dashboard counts it', { timeout: 90_000 }, async () => {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => process.env.DEBUG && console.log('console:', m.text()));

  await page.goto(`${origin}/shop/`);
  await page.getByRole('button', { name: 'Add to cart' }).first().click();
  await page.getByRole('link', { name: 'View cart' }).click();
  await page.getByRole('link', { name: 'Go to checkout' }).click();
  // The shop's script is deferred: on a busy machine the button is there before its submit handler,
  // and a click then submits the form to checkout.html itself. A customer waits for the page; so do we.
  await page.waitForURL(/checkout\.html$/);
  await page.waitForLoadState('load');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/order-complete\.html\?order=A\d+/);
  await page.getByRole('heading', { name: 'Order complete' }).waitFor();

  // The CSAT prompt, fired by hearback('track','checkout'), inside the widget's open shadow root.
  const five = page.getByRole('radio', { name: /^5\b/ });
  await five.waitFor({ timeout: 15_000 }).catch(async (error) => {
    await page.screenshot({ path: root + 'test-results/demo-failure.png' });
    throw error;
  });
  await five.click();
  const delivered = page.waitForResponse((r) => r.url().endsWith('/api/responses') && r.request().method() === 'POST', { timeout: 20_000 });
  await page.getByRole('button', { name: /^send$/i }).click();
  // The follow-up appears once the score is stored; the answer stays held until it is sent.
  const comment = page.getByRole('textbox').first();
  await comment.waitFor({ timeout: 10_000 });
  await comment.fill('ส่งของเร็วมาก — fast delivery');
  await page.getByRole('button', { name: /^send$/i }).click();
  const response = await delivered;
  assert.equal(response.status(), 201);
  const body = JSON.parse(response.request().postData());
  assert.equal(body.survey, 'after-checkout');
  assert.equal(body.type, 'csat');
  assert.equal(body.score, 5);
  assert.equal(body.comment, 'ส่งของเร็วมาก — fast delivery');

  // The dashboard is the owner's: it asks for sign-in first, then returns to it.
  await page.goto(`${origin}/dashboard`);
  await page.waitForURL(/\/signin\?next=%2Fdashboard/);
  await page.getByLabel('Email').fill(DEMO_OWNER.email);
  await page.getByLabel('Password').fill(DEMO_OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/dashboard(\?|$)/);
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 15_000 });
  assert.equal(await page.getByTestId('csat-value').textContent(), '100%');
  assert.match(await page.getByTestId('csat-count').textContent(), /^1 answer\b/);
  assert.equal(await page.getByTestId('nps-value').textContent(), '–');
  assert.deepEqual(errors, []);
});

test('the Thai switch sets <html lang> and the next prompt speaks Thai', { timeout: 60_000 }, async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/shop/support.html`);
  await page.getByRole('button', { name: 'ไทย' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'th');
  await page.getByRole('button', { name: 'ส่งข้อความ' }).click();
  await page.getByText('วันนี้การติดต่อกับเราง่ายแค่ไหน').waitFor({ timeout: 15_000 });
  await page.evaluate(() => localStorage.removeItem('demo-lang'));
});
