// npm run bench (builds first): the script tag's sizes (the loader, each chunk, the most a page
// loads) beside peers; then, in Chromium at 4× CPU throttle, the same page loaded without and with
// hearback — our main-thread work at load before a prompt is due, our longest task with the
// idle-time start-up (the engine's and the prompt's chunks included), trigger → visible interactive
// prompt with the prompt's chunk already fetched in idle time and cold (fetched when due), and the
// page's own figures side by side; then every bench/*.bench.mjs, in name order, as
// a child process. It prints the figures as measured, writes them to bench/results.json and
// rewrites docs/performance.md's bench section from that file (bench/report.mjs).
// Every loop is bounded; the only server is on 127.0.0.1. BENCH_RUNS sets the loads per page (7);
// each run traces three loads of its own (our work at load is a few ms: its median needs more
// samples than the throttle's noise leaves in seven).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { launch, serve } from '../test/browser/harness.mjs';
import { checkScriptFiles, measure } from '../scripts/bundle-gate.mjs';
import { traceOurTasks } from './our-tasks.mjs';
import { posthogApi, posthogInstalled, posthogScript } from './peer-posthog.mjs';
import { headlineMarkers, renderHeadline, renderResults, replaceBlock } from './report.mjs';

const runs = Math.min(25, Math.max(1, Number(process.env.BENCH_RUNS) || 7));
const throttle = 4;
const tracesPerRun = 3;
const resultsFile = 'bench/results.json';
const pageFile = 'docs/performance.md';

// 1. Bundle size, ours and the published browser bundles of peers (dev-only inputs).
const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const scriptNames = readdirSync('dist').filter((name) => /^hearback([.-].*)?\.min\.js$/.test(name) && !/^hearback-\d/.test(name));
const scriptFiles = checkScriptFiles(Object.fromEntries(scriptNames.map((name) => [name, readFileSync(`dist/${name}`, 'utf8')])));
const { roles } = scriptFiles;
const largestLanguage = roles.languages.reduce((largest, name) => (!largest || scriptFiles.sizes[name].gzip > scriptFiles.sizes[largest].gzip ? name : largest), undefined);
/** The most a page loads: loader, engine, prompt and the largest language chunk. */
const pageFiles = [...roles.loader, ...roles.engine, ...roles.prompt, ...(largestLanguage ? [largestLanguage] : [])];
const ours = pageFiles.map((name) => scriptFiles.sizes[name]).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
const parts = [...roles.loader, ...roles.engine, ...roles.prompt, ...roles.languages].map((name) => ({ name, gzip: scriptFiles.sizes[name].gzip, brotli: scriptFiles.sizes[name].brotli }));
const peerFiles = [
  ['posthog-js core + surveys', ['node_modules/posthog-js/dist/array.js', 'node_modules/posthog-js/dist/surveys.js']],
  ['posthog-js surveys extension only', ['node_modules/posthog-js/dist/surveys.js']],
  ['@formbricks/js loader only (fetches the widget at run time)', ['node_modules/@formbricks/js/dist/index.js']],
];
const peers = [];
for (const [name, files] of peerFiles) {
  const sources = files.map(read);
  if (sources.some((source) => source === undefined)) continue;
  const sizes = sources.map(measure).reduce((a, b) => ({ gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
  peers.push({ name, gzip: sizes.gzip, brotli: sizes.brotli });
}

// 2. The same page without and with hearback. The survey waits for an event, so no prompt is due at
// load: what hearback costs then is the price every visitor pays.
// On /with.html the survey could show (its trigger has no url rule), so the prompt's chunk is
// fetched in idle time; on /cold.html its url rule names another page, so nothing but the loader
// and the engine is fetched until show() asks for the prompt.
const surveys = (trigger) => JSON.stringify([{ id: 'bench', type: 'nps', trigger }]);
// /posthog.html is the same page with posthog-js and its surveys instead (bench/peer-posthog.mjs).
const page = (withSdk, trigger = { event: 'go' }, peer = '') => `<!doctype html><html lang="en"><title>bench</title><body><main>${'<p>Product text. </p>'.repeat(50)}</main>
${peer}${withSdk ? `<script>window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};
hearback('init',{endpoint:location.origin+'/collect',fatigue:{perSession:1000,days:0},surveys:${surveys(trigger)}});</script>
<script src="/dist/hearback.min.js"></script>` : ''}</body></html>`;
const server = await serve({
  routes: {
    '/without.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page(false)),
    '/with.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page(true)),
    '/cold.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page(true, { event: 'go', url: '/elsewhere' })),
    '/posthog.html': (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page(false, undefined, posthogScript)),
    '/collect': (_q, res) => res.writeHead(201).end(),
    '/favicon.ico': (_q, res) => res.writeHead(204).end(),
  },
  routeOf: posthogApi,
});
const withPosthog = posthogInstalled();
let chromium = '';
/** Requests any bench page made beyond the bench's own server: there must be none (checked after the loads). */
const outside = new Set();

/** Opens a tab in a fresh profile (a new visitor: the frequency rules remember earlier prompts) at the throttle. */
async function throttledTab() {
  const context = await launch();
  chromium ||= context.browser()?.version() ?? '';
  const tab = await context.newPage();
  tab.on('request', (request) => !request.url().startsWith(server.origin + '/') && !/^(data|blob|about):/.test(request.url()) && outside.add(request.url()));
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, tab, cdp };
}

/** The page's main-thread script and task time so far, from the Performance domain. */
async function timeSoFar(cdp) {
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  return { scriptMs: metrics.ScriptDuration * 1000, taskMs: metrics.TaskDuration * 1000 };
}

/** Longest task and total blocking time (each task's time over 50 ms) from the long tasks' durations. */
const longTasks = (durations) => ({ longestTaskMs: Math.max(0, ...durations), blockingMs: durations.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0) });

/**
 * One load: the page's script and task time and long tasks at load (300 ms after the load event)
 * and over its first 3 s (posthog-js, like hearback, does most of its work after load), the JS heap
 * after GC at 3 s; with hearback, trigger → prompt after that.
 */
async function loadMetrics(path) {
  const { context, tab, cdp } = await throttledTab();
  try {
    await cdp.send('Performance.enable');
    await tab.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await tab.goto(server.origin + path, { waitUntil: 'load' });
    await tab.waitForTimeout(300);
    const atLoad = await timeSoFar(cdp);
    const longAtLoad = await tab.evaluate(() => window.__long.slice());
    await tab.waitForTimeout(Math.max(0, 3000 - (await tab.evaluate(() => performance.now()))));
    const firstSeconds = { ...(await timeSoFar(cdp)), ...longTasks(await tab.evaluate(() => window.__long.slice())) };
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBytes = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    let triggerMs;
    let coldMs;
    if (path === '/with.html') {
      // The prompt's chunk was fetched in idle time: wait for it, then from track() to the first frame
      // after the prompt's radios are laid out (visible and operable).
      await tab.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/hearback-prompt.')), undefined, { timeout: 10_000 }).catch(() => undefined);
      await tab.waitForTimeout(100);
      triggerMs = await promptAfter(tab, 'track');
    }
    if (path === '/cold.html') {
      // Nothing but the engine here yet: show() fetches, runs and renders the prompt's chunk.
      await tab.evaluate(() => window.hearback('status'));
      coldMs = await promptAfter(tab, 'show');
    }
    return {
      ...atLoad,
      ...longTasks(longAtLoad),
      firstSeconds,
      heapBytes,
      ...(triggerMs === undefined ? {} : { triggerMs }),
      ...(coldMs === undefined ? {} : { coldMs }),
    };
  } finally {
    await context.close();
  }
}

/** From `track('go')` or `show('bench')` to the first frame after the prompt's radios are laid out. */
function promptAfter(tab, command) {
  return tab.evaluate((command) => new Promise((resolve) => {
        const start = performance.now();
        if (command === 'track') window.hearback('track', 'go');
        else window.hearback('show', 'bench');
        const check = () => {
          const radio = document.querySelector('hearback-prompt')?.shadowRoot?.querySelector('input[type=radio]');
          if (radio && radio.getBoundingClientRect().width > 0) requestAnimationFrame(() => resolve(performance.now() - start));
          else if (performance.now() - start > 5000) resolve(null);
          else setTimeout(check, 1);
        };
        check();
      }), command);
}

/** `count` traced loads, one after another. */
async function tracedLoads(count) {
  const traces = [];
  for (let i = 0; i < count; i++) traces.push(await tracedLoad());
  return traces;
}

/** Our own tasks in one traced load: at load (before hearback's first idle callback) and over 3 s. */
async function tracedLoad() {
  const { context, tab, cdp } = await throttledTab();
  try {
    const { atLoad, total } = await traceOurTasks(cdp, tab, server.origin + '/with.html', /hearback(-[\w-]+\.[\w-]+)?\.min\.js/, { afterLoadMs: 3000 });
    return { atLoadScriptMs: atLoad.scriptMs, atLoadTasks: atLoad.tasks, longestTaskMs: total.longestMs, totalScriptMs: total.scriptMs, tasks: total.tasks };
  } finally {
    await context.close();
  }
}

const loads = [];
try {
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`load ${i + 1} of ${runs}\n`);
    loads.push({ without: await loadMetrics('/without.html'), with: await loadMetrics('/with.html'), cold: await loadMetrics('/cold.html'), ...(withPosthog ? { posthog: await loadMetrics('/posthog.html') } : {}), traced: await tracedLoads(tracesPerRun) });
  }
} finally {
  await server.close();
}
if (outside.size) throw new Error(`a bench page reached beyond 127.0.0.1: ${[...outside].join(', ')}`);

// 3. The record: printed now, written to bench/results.json (and the page) once the other benches ran.
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const dirty = git('status', '--porcelain', '--', 'src', 'rollup.config.mjs', 'package.json') !== '';
const results = {
  date: new Date().toISOString().slice(0, 10),
  commit: git('rev-parse', '--short', 'HEAD') + (dirty ? ' with uncommitted changes' : ''),
  machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), shared`,
  chromium,
  node: process.versions.node,
  size: { ours, parts, peers },
  load: { throttle, runs: loads },
  benches: {},
};
console.log('\n' + renderResults(results));

// 4. Every other bench, in name order, as a child process: its output is printed and kept.
function runChild(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (stream) => (chunk) => (stream.write(chunk), (output += chunk));
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('close', (status) => resolve({ status: status ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '').replace(/[ \t]+$/gm, '') }));
  });
}
for (const file of readdirSync('bench').filter((name) => name.endsWith('.bench.mjs')).sort()) {
  console.log(`\n## ${file}\n`);
  results.benches[file] = await runChild(`bench/${file}`);
}

writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
if (existsSync(pageFile)) writeFileSync(pageFile, replaceBlock(readFileSync(pageFile, 'utf8'), renderResults(results)));
writeFileSync('README.md', replaceBlock(readFileSync('README.md', 'utf8'), renderHeadline(results) + '\n', headlineMarkers));
console.log(`\nwrote ${resultsFile}${existsSync(pageFile) ? ` and the bench section of ${pageFile}` : ''}`);
process.exitCode = Object.values(results.benches).some((bench) => bench.status !== 0) ? 1 : 0;
