// Triggers and rules in real Chromium: exit intent, scroll depth, SPA navigation, the
// data-hearback-show button, the dataLayer bridge and the mobile Back sentinel. Time is Playwright's
// fake clock (page.clock), never a sleep.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root, scratchDir, serve } from './harness.mjs';

let server, context, harnessJs;
/** What the next page load starts with: trigger options and inline script run before the harness. */
const next = { options: {}, before: '' };

const html = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head>
<body style="margin:0"><main style="height:6000px"><h1>Shop</h1>
<button data-hearback-show="nps">Rate us</button><a class="buy" href="#">Buy</a></main>
<script>${next.before}</script><script src="/triggers-harness.js"></script>
<script>hearbackStart(${JSON.stringify(next.options)})</script></body></html>`;

before(async () => {
  const outdir = scratchDir('hearback-triggers-');
  try {
    await build({
      entryPoints: [root + 'test/browser/fixtures/triggers-harness.ts'],
      bundle: true, format: 'iife', outfile: join(outdir.dir, 'triggers-harness.js'), logLevel: 'error',
      define: { __HEARBACK_VERSION__: '"0.1.0"' },
    });
    harnessJs = readFileSync(join(outdir.dir, 'triggers-harness.js'));
  } finally {
    outdir.remove();
  }
  const page = (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html());
  server = await serve({
    routes: {
      '/triggers-harness.js': (req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(harnessJs),
      '/': page, '/shop/cart': page, '/blog': page, '/before': page,
    },
  });
  context = await launch();
});
after(async () => {
  await context?.close();
  await server?.close();
});

async function open(path, options, { before = '', clock = false, ctx = context } = {}) {
  Object.assign(next, { options, before });
  const page = await ctx.newPage();
  if (clock) await page.clock.install();
  await page.goto(server.origin + path);
  await page.waitForFunction(() => typeof window.hearbackDestroy === 'function');
  return page;
}
const fires = (page) => page.evaluate(() => window.hearbackFires.map(({ survey, cause, takeFocus, show }) => ({ survey, cause, takeFocus, show })));
const settle = (page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('exit intent (desktop)', () => {
  it('fires when the pointer leaves through the top of the window, not the side', async () => {
    const page = await open('/', { surveys: [{ id: 'leaving', type: 'nps', trigger: { exitIntent: true } }] });
    await page.mouse.move(640, 400);
    await page.mouse.move(1300, 400);
    await settle(page);
    assert.deepEqual(await fires(page), []);
    await page.mouse.move(640, 300);
    await page.mouse.move(640, -10);
    await page.waitForFunction(() => window.hearbackFires.length > 0);
    assert.deepEqual(await fires(page), [{ survey: 'leaving', cause: 'exitIntent', takeFocus: false, show: true }]);
    await page.close();
  });
});

describe('scroll depth', () => {
  it('fires once the visitor has scrolled past the given share of the page', async () => {
    const page = await open('/', { surveys: [{ id: 'reader', type: 'csat', trigger: { scroll: 60 } }] });
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 2000); // (2000 + 800) / 6000 = 47%
    await page.waitForFunction(() => window.scrollY >= 2000);
    await settle(page);
    assert.deepEqual(await fires(page), []);
    await page.mouse.wheel(0, 1200); // 67%
    await page.waitForFunction(() => window.hearbackFires.length > 0);
    assert.deepEqual(await fires(page), [{ survey: 'reader', cause: 'scroll', takeFocus: false, show: true }]);
    await page.close();
  });
});

describe('single-page navigation', () => {
  const shop = { surveys: [{ id: 'shop', type: 'csat', trigger: { url: '/shop/**', delay: 20 } }] };

  it('a pushState to a page outside the url rule cancels the pending delay', async () => {
    const page = await open('/shop/cart', shop, { clock: true });
    await page.clock.runFor(10_000);
    await page.evaluate(() => history.pushState({}, '', '/blog'));
    await page.clock.runFor(60_000);
    assert.deepEqual(await fires(page), []);
    await page.close();
  });

  it('a pushState into the url rule arms the delay, which then fires', async () => {
    const page = await open('/blog', shop, { clock: true });
    await page.evaluate(() => history.pushState({}, '', '/shop/cart'));
    await page.clock.runFor(19_000);
    assert.deepEqual(await fires(page), []);
    await page.clock.runFor(1_000);
    assert.deepEqual(await fires(page), [{ survey: 'shop', cause: 'delay', takeFocus: false, show: true }]);
    await page.close();
  });

  it('leaves history as it found it after destroy()', async () => {
    const page = await open('/', shop);
    const patched = await page.evaluate(() => Object.hasOwn(history, 'pushState'));
    await page.evaluate(() => window.hearbackDestroy());
    const after = await page.evaluate(() => [Object.hasOwn(history, 'pushState'), Object.hasOwn(history, 'replaceState'), history.pushState === History.prototype.pushState]);
    assert.equal(patched, true);
    assert.deepEqual(after, [false, false, true]);
    await page.close();
  });
});

describe('data-hearback-show', () => {
  it('a click on <button data-hearback-show="nps"> shows the built-in NPS with focus, whatever the rules', async () => {
    const page = await open('/', { sampleRate: 0, surveys: [] });
    await page.getByRole('button', { name: 'Rate us' }).click();
    await page.waitForFunction(() => window.hearbackFires.length > 0);
    assert.deepEqual(await fires(page), [{ survey: 'nps', cause: 'attribute', takeFocus: true, show: true }]);
    await page.close();
  });
});

describe('dataLayer bridge', () => {
  const purchase = { dataLayer: true, fatigue: { perSession: 0, days: 0 }, surveys: [{ id: 'after-purchase', type: 'csat', cooldownDays: 0, trigger: { event: 'purchase' } }] };

  it('counts a GA4 purchase pushed before load', async () => {
    const page = await open('/before', purchase, { before: "window.dataLayer = [{ event: 'gtm.js' }, { event: 'purchase', ecommerce: { transaction_id: 'T1' } }];" });
    await page.waitForFunction(() => window.hearbackFires.length > 0);
    assert.deepEqual(await fires(page), [{ survey: 'after-purchase', cause: 'event', takeFocus: false, show: true }]);
    await page.close();
  });

  it('counts GTM pushes and gtag() calls after load, and push keeps working for the tag manager', async () => {
    const page = await open('/', purchase, { before: 'window.dataLayer = []; function gtag(){ dataLayer.push(arguments); }' });
    const length = await page.evaluate(() => {
      window.dataLayer.push({ event: 'view_item' });
      window.dataLayer.push({ event: 'purchase', ecommerce: { value: 12 } });
      window.gtag('event', 'purchase', { value: 5 });
      return window.dataLayer.length;
    });
    await page.waitForFunction(() => window.hearbackFires.length >= 2);
    assert.equal(length, 3);
    assert.deepEqual((await fires(page)).map((fire) => fire.cause), ['event', 'event']);
    await page.close();
  });
});

describe('exit intent (touch): Back', () => {
  it('catches the first Back press on a phone once, and the next Back leaves as usual', async () => {
    const phone = await launch({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
    try {
      const page = await open('/blog', {}, { ctx: phone });
      await page.goto(server.origin + '/');
      Object.assign(next, { options: { surveys: [{ id: 'leaving', type: 'nps', trigger: { exitIntent: true } }] } });
      await page.reload();
      await page.waitForFunction(() => typeof window.hearbackDestroy === 'function');
      assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
      await page.tap('h1');
      await page.waitForFunction(() => history.state?.hearbackExitSentinel === 1);
      await page.evaluate(() => history.back());
      await page.waitForFunction(() => window.hearbackFires.length > 0);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.deepEqual(await fires(page), [{ survey: 'leaving', cause: 'exitIntent', takeFocus: false, show: true }]);
      await page.goBack();
      assert.equal(new URL(page.url()).pathname, '/blog');
    } finally {
      await phone.close();
    }
  });
});
