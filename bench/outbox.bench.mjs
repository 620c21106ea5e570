// Outbox figures in real Chromium (real IndexedDB) against a collector on 127.0.0.1:
// enqueue latency p50/p95, time to drain 1,000 queued answers, JS heap held by the queue.
// Run: node bench/outbox.bench.mjs [count]   (count defaults to 1000, at most 5000; npm run bench runs it so)
import { build } from 'esbuild';
import { launch, readBody, root, serve } from '../test/browser/harness.mjs';

const count = Math.min(5000, Math.max(10, Number(process.argv[2]) || 1000));
const onlineSamples = 200;
let received = 0;
const seen = new Set();

const harnessJs = (await build({
  entryPoints: [root + 'test/browser/fixtures/outbox-harness.ts'],
  bundle: true, format: 'iife', write: false, minify: true, define: { __HEARBACK_VERSION__: '"bench"' },
})).outputFiles[0].text;
const server = await serve({
  routes: {
    '/outbox.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title><script src="/outbox-harness.js"></script>'),
    '/outbox-harness.js': (_req, res) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(harnessJs),
    '/collect': async (req, res) => {
      const body = JSON.parse(await readBody(req));
      received++;
      seen.add(body.id);
      res.writeHead(200).end();
    },
  },
});

const context = await launch({ args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
const url = `${server.origin}/outbox.html?maxCount=${count + onlineSamples}`;
async function open() {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.ready);
  return page;
}
async function heapUsed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}
/** Awaits `n` enqueues one after another in the page; returns each latency in ms. */
const enqueueMany = (page, n) => page.evaluate(async (n) => {
  const times = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await window.enqueue({ comment: `answer ${i}: ส่งของเร็วมาก` });
    times.push(performance.now() - start);
  }
  return times;
}, n);
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (value) => `${value.toFixed(2)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

try {
  // 1. Online: the answer is stored, then sent while the next one is being stored.
  const live = await open();
  const onlineTimes = await enqueueMany(live, onlineSamples);
  await live.evaluate(() => window.outbox.flush());
  await live.close();

  // 2. Offline: queue `count` answers, then the tab closes.
  const offline = await open();
  const heapBefore = await heapUsed(offline);
  await context.setOffline(true);
  const offlineTimes = await enqueueMany(offline, count);
  const heapQueued = await heapUsed(offline);
  const pending = await offline.evaluate(() => window.outbox.status().pending);
  await offline.close();
  await context.setOffline(false);
  // The visitor comes back a little later: answers that failed while offline are due again (backoff ≤ 4 s).
  await new Promise((resolve) => setTimeout(resolve, 5000));

  // 3. Next visit: time until the collector holds every queued answer.
  const before = seen.size;
  const start = performance.now();
  const next = await open();
  let ms99;
  for (let i = 0; i < 12_000 && seen.size - before < pending; i++) {
    await new Promise((r) => setTimeout(r, 5));
    if (ms99 === undefined && seen.size - before >= pending * 0.99) ms99 = performance.now() - start;
  }
  const drainMs = performance.now() - start;
  ms99 ??= drainMs;
  await next.waitForFunction(() => window.outbox.status().pending === 0, null, { timeout: 60_000 });
  const heapDrained = await heapUsed(next);

  const rows = [
    ['enqueue latency, online (p50 / p95)', `${ms(percentile(onlineTimes, 50))} / ${ms(percentile(onlineTimes, 95))}`, `${onlineSamples} answers`],
    ['enqueue latency, offline (p50 / p95)', `${ms(percentile(offlineTimes, 50))} / ${ms(percentile(offlineTimes, 95))}`, `${count} answers`],
    [`drain ${pending} queued answers: 99%`, ms(ms99), `${((pending * 0.99) / (ms99 / 1000)).toFixed(0)} answers/s, from page open`],
    [`drain ${pending} queued answers: all`, ms(drainMs), 'the last wait out backoff earned while offline'],
    ['JS heap held with the queue full', kb(heapQueued - heapBefore), `${kb(heapQueued)} total, ${((heapQueued - heapBefore) / pending).toFixed(0)} B per answer`],
    ['JS heap after drain', kb(heapDrained), 'fresh page'],
    ['POSTs received / distinct answers', `${received} / ${seen.size}`, 'duplicates would show here'],
  ];
  const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), 6));
  console.log(`\nhearback outbox bench (Chromium ${context.browser()?.version() ?? ''}, IndexedDB, 127.0.0.1)\n`);
  for (const row of [['figure', 'value', 'note'], width.map((w) => '-'.repeat(w)), ...rows]) console.log(row.map((cell, c) => cell.padEnd(width[c])).join('  '));
} finally {
  await context.close();
  await server.close();
}
