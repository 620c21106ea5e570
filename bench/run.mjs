// npm run bench: size versus peers, main-thread cost at 4× CPU throttle, trigger → interactive
// prompt, JS heap, then the outbox figures (bench/outbox.mjs). Needs `npm run build` first.
// Every loop is bounded; the only server is on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { launch, serve } from '../test/browser/harness.mjs';
import { measure } from '../scripts/bundle-gate.mjs';
import { traceOurTasks } from './our-tasks.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(6) + ' KB';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 1. Bundle size, ours and the published browser bundles of peers (dev-only inputs).
const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const ours = measure(readFileSync('dist/hearback.min.js', 'utf8'));
const peers = [
  ['posthog-js core + surveys', ['node_modules/posthog-js/dist/array.js', 'node_modules/posthog-js/dist/surveys.js']],
  ['posthog-js surveys extension only', ['node_modules/posthog-js/dist/surveys.js']],
  ['@formbricks/js loader only (fetches the widget at run time)', ['node_modules/@formbricks/js/dist/index.js']],
];
console.log('\n## Script size (gzip -9 / brotli -q 11)\n');
console.log('| bundle | gzip | brotli | × ours (gzip) |\n|---|---|---|---|');
console.log(`| hearback.min.js (everything) | ${kb(ours.gzip)} | ${kb(ours.brotli)} | 1.0 |`);
for (const [name, files] of peers) {
  const sources = files.map(read);
  if (sources.some((s) => s === undefined)) continue;
  const sizes = sources.map(measure).reduce((a, b) => ({ gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
  console.log(`| ${name} | ${kb(sizes.gzip)} | ${kb(sizes.brotli)} | ${(sizes.gzip / ours.gzip).toFixed(1)} |`);
}

// 2. Main-thread cost in Chromium at 4× CPU throttle.
const surveys = JSON.stringify([{ id: 'bench', type: 'nps', trigger: { event: 'go' } }]);
const page = (withSdk) => `<!doctype html><html lang="en"><title>bench</title><body><main>${'<p>Product text. </p>'.repeat(50)}</main>
${withSdk ? `<script>window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};
hearback('init',{endpoint:location.origin+'/collect',fatigue:{perSession:1000,days:0},surveys:${surveys}});</script>
<script src="/dist/hearback.min.js"></script>` : ''}</body></html>`;
const server = await serve({
  routes: {
    '/without.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page(false)),
    '/with.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page(true)),
    '/collect': (_q, res) => res.writeHead(201).end(),
  },
});
let context;

/** One load in a fresh profile: the frequency rules remember earlier prompts, a new visitor does not. */
async function loadMetrics(path) {
  context = await launch();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Performance.enable');
  await tab.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await tab.goto(server.origin + path, { waitUntil: 'load' });
  await tab.waitForTimeout(300);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const long = await tab.evaluate(() => window.__long);
  let trigger;
  if (path === '/with.html') {
    trigger = await tab.evaluate(() => new Promise((resolve) => {
      const start = performance.now();
      window.hearback('track', 'go');
      const check = () => {
        const radio = document.querySelector('hearback-prompt')?.shadowRoot?.querySelector('input[type=radio]');
        if (radio && radio.getBoundingClientRect().width > 0) requestAnimationFrame(() => resolve(performance.now() - start));
        else if (performance.now() - start > 5000) resolve(NaN);
        else setTimeout(check, 1);
      };
      check();
    }));
  }
  await context.close();
  return { script: metrics.ScriptDuration * 1000, task: metrics.TaskDuration * 1000, heap, long, trigger };
}

/** Our own tasks in one traced load: at load (before hearback's first idle callback) and over 3 s. */
async function tracedLoad() {
  context = await launch();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const traced = await traceOurTasks(cdp, tab, server.origin + '/with.html', 'hearback.min.js', { afterLoadMs: 3000 });
  await context.close();
  return traced;
}

const results = { without: [], with: [], traced: [] };
for (let i = 0; i < runs; i++) {
  results.without.push(await loadMetrics('/without.html'));
  results.with.push(await loadMetrics('/with.html'));
  results.traced.push(await tracedLoad());
}
await server.close();

const pick = (side, key) => median(results[side].map((r) => r[key]));
const longest = Math.max(0, ...results.with.flatMap((r) => r.long));
const tbt = (side) => median(results[side].map((r) => r.long.reduce((sum, d) => sum + Math.max(0, d - 50), 0)));
const row = (name, value, target) => console.log(`| ${name} | ${value} | ${target} |`);
console.log(`\n## In Chromium at 4× CPU throttle (median of ${runs} loads)\n`);
console.log('| measure | hearback | target |\n|---|---|---|');
row('main-thread script time added at load', `${(pick('with', 'script') - pick('without', 'script')).toFixed(1)} ms`, '< 5 ms before a prompt is due');
const traced = (part, key) => median(results.traced.map((r) => r[part][key]));
const tracedRow = (part) => `${traced(part, 'scriptMs').toFixed(1)} ms in ${traced(part, 'tasks')} tasks, longest task ${traced(part, 'longestMs').toFixed(0)} ms`;
row('our script at load: evaluation and init, before its first idle callback (traced)', tracedRow('atLoad'), '< 5 ms before a prompt is due');
row('our script over the first 3 s, idle-time start-up included (traced)', tracedRow('total'), 'no task over 50 ms');
row('main-thread task time added at load', `${(pick('with', 'task') - pick('without', 'task')).toFixed(1)} ms`, '');
row(`longest task of any kind (page included) in ${runs} loads with hearback`, `${longest.toFixed(0)} ms${longest === 0 ? ' (none over 50 ms)' : ''}`, 'ours: see the traced rows');
row('total blocking time added', `${(tbt('with') - tbt('without')).toFixed(0)} ms`, '0 ms');
row('trigger → visible, interactive prompt', `${pick('with', 'trigger').toFixed(1)} ms`, '< 100 ms');
row('JS heap added (after GC)', `${((pick('with', 'heap') - pick('without', 'heap')) / 1024).toFixed(0)} KB`, '');

// 3. The outbox figures.
if (existsSync('bench/outbox.mjs')) {
  console.log('\n## Outbox\n');
  const outbox = spawnSync('node', ['bench/outbox.mjs'], { stdio: 'inherit' });
  process.exitCode = outbox.status ?? 1;
}
if (existsSync('bench/dashboard.bench.mjs')) {
  // The owner's dashboard at scale: 1,000,000 answers on PostgreSQL, 100,000 on PGlite.
  const dashboard = spawnSync('node', ['bench/dashboard.bench.mjs'], { stdio: 'inherit' });
  if (dashboard.status !== 0) process.exitCode = dashboard.status ?? 1;
}
