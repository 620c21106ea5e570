// npm test: the whole gate — typecheck, lint and the build side by side → size → package checks →
// unit/DOM/collector tests → real-browser suite beside the collector against PostgreSQL (when its
// server binaries exist) → the PostgreSQL tests that need the machine alone → the fault drill
// (collector kills and a PostgreSQL restart under load; same condition) beside the collector's
// bounded load test.
// Before anything runs it looks for a browser (scripts/chromium-path.mjs) and, without one, says in
// one line how to get it and stops. A step whose file is missing fails. Every step runs with TMPDIR
// set to a fresh folder; anything a test leaves in it fails the run, named, and the folder is deleted.
// Steps marked `together` with the same name start at once: each keeps one core busy at most
// (typecheck, lint and rollup are single-threaded; the drill and the load test each drive one
// collector; the browser suite mostly waits on its pages), so on two cores they take about the
// longest one's time, not the sum. Each one's output is printed whole when it ends, so they never
// interleave. The unit step uses both cores by itself (vitest runs two files at once), and the
// tests that compare timings against an idle baseline run with nothing beside them.
// Stops at the first failing step (or group) and exits non-zero.
// Usage: npm test [-- <step name prefix>]   e.g. npm test -- lint
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './chromium-path.mjs';
import { testNodeFlags } from './test-node-flags.mjs';

const only = process.argv[2];
const browserTests = existsSync('test/browser')
  ? readdirSync('test/browser').filter((f) => f.endsWith('.test.mjs')).sort().map((f) => 'test/browser/' + f)
  : [];
const postgresServer = ['15', '16', '17'].some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const noPostgres = postgresServer ? undefined : 'no PostgreSQL server binaries under /usr/lib/postgresql (Debian/Ubuntu: apt-get install postgresql)';

/**
 * name, command, args; `files` the step cannot run without (missing → the step fails, named);
 * `browser` when it drives Chromium; `skip` a reason the machine cannot run it (printed, not hidden);
 * `together` a group name: consecutive steps of one group run at the same time.
 */
const steps = [
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'], files: ['tsconfig.json', 'collector/tsconfig.json'], together: 'static' },
  { name: 'lint', command: 'npx', args: ['eslint', '.'], files: ['eslint.config.mjs'], together: 'static' },
  // package.json's build script: rollup -c. Before the tests: the survey-link page tests load dist/.
  { name: 'build', command: 'npm', args: ['run', '--silent', 'build'], files: ['package.json'], together: 'static' },
  { name: 'size budget', command: 'node', args: ['scripts/size.mjs'], files: ['scripts/size.mjs'] },
  // Packs the collector (its prepack rebuilds collector/dist): alone, before anything runs that build.
  { name: 'package checks', command: 'node', args: ['scripts/package-checks.mjs'], files: ['scripts/package-checks.mjs'] },
  // browser: the owner's app has page tests in Chromium among its vitest tests.
  { name: 'unit and DOM tests', command: 'npx', args: ['vitest', 'run'], files: ['vitest.config.ts'], browser: true },
  {
    // Two files at once: each test file is its own process with its own servers on port 0 and its
    // own Chromium (one per file, a fresh context per test: test/browser/harness.mjs). Mostly it
    // waits (for pages, timers, the app): measured, about 0.8 of a core over its run, so it shares
    // the machine with the PostgreSQL step beside it. Node's flags: scripts/test-node-flags.mjs.
    name: 'browser suite (Chromium)', command: 'node', args: [...testNodeFlags, '--test', '--test-concurrency=2', '--test-reporter=spec', ...browserTests],
    files: browserTests.length ? browserTests : ['test/browser/*.test.mjs'], browser: true, together: 'browser and postgres',
  },
  {
    // Without the tests that need the machine to themselves (vitest.config.ts, `aloneTests`): they
    // run in the next step, once nothing runs beside them.
    name: 'collector on PostgreSQL', command: 'sh', args: ['collector/scripts/with-postgres.sh', 'npx', 'vitest', 'run', '--config', 'vitest.postgres.config.ts', '--project', 'collector', '--project', 'postgres'],
    files: ['collector/scripts/with-postgres.sh', 'vitest.postgres.config.ts'], skip: noPostgres, together: 'browser and postgres',
  },
  {
    name: 'collector on PostgreSQL, alone (sign-in spray against an idle baseline, the database restarted)', command: 'sh',
    args: ['collector/scripts/with-postgres.sh', 'npx', 'vitest', 'run', '--config', 'vitest.postgres.config.ts', '--project', 'collector-alone'],
    files: ['collector/scripts/with-postgres.sh', 'vitest.postgres.config.ts'], skip: noPostgres,
  },
  {
    name: 'fault drill (3,000 answers; collector killed twice, PostgreSQL restarted once)', command: 'sh',
    args: ['collector/scripts/with-postgres.sh', 'node', 'bench/fault-drill.mjs'], files: ['collector/scripts/with-postgres.sh', 'bench/fault-drill.mjs'],
    skip: noPostgres, together: 'load',
  },
  { name: 'collector load test (10,000 answers, 10% repeats, 50 clients)', command: 'node', args: ['bench/load.mjs'], files: ['bench/load.mjs'], together: 'load' },
].filter(({ name }) => !only || name.startsWith(only));

if (steps.length === 0) {
  console.error(`npm test: no step starts with "${only}"`);
  process.exit(1);
}

if (steps.some((step) => step.browser)) {
  const browser = findChromium();
  if (!browser.path) {
    console.error(`npm test: ${browser.problem}`);
    process.exit(1);
  }
}

// Readable by other users: the PostgreSQL step runs its server as `postgres` inside this folder.
const scratch = mkdtempSync(join(tmpdir(), 'hearback-test-run-'));
chmodSync(scratch, 0o755);
const childEnv = { ...process.env, FORCE_COLOR: '0', TMPDIR: scratch, TMP: scratch, TEMP: scratch };
/**
 * The steps running now. Each step gets a process group of its own (npx does not pass a signal on
 * to its child), so an interrupted run stops the whole step, then removes the folder.
 */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the step ended in the meantime
      }
    }
    rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  });
}

/**
 * Runs a step, echoing its output as it comes (or, `quiet`, not: the caller prints it); resolves
 * with its exit status and its output without colours.
 */
function run(command, args, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv, detached: true });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (quiet || process.stdout.write(chunk), (output += chunk)));
    child.stderr.on('data', (chunk) => (quiet || process.stderr.write(chunk), (output += chunk)));
    child.on('error', (error) => resolve({ status: 1, output: String(error) }));
    child.on('close', (status) => {
      running.delete(child);
      resolve({ status, output: output.replace(/\x1b\[[0-9;]*m/g, '') });
    });
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Counts the tests a step's runner reports (vitest, node:test). */
function count(output) {
  const vitest = /^\s*Tests\s+(.*)$/m.exec(output);
  if (vitest) for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(n);
  for (const [, kind, n] of output.matchAll(/^ℹ (pass|fail|skipped) (\d+)$/gm)) totals[{ pass: 'passed', fail: 'failed', skipped: 'skipped' }[kind]] += Number(n);
}

/**
 * The failed tests a step's runner names (vitest's "FAIL file > test" lines, node:test's "✖ test"),
 * each with the first line of its error: printed again at the very end, where a log's tail shows them.
 */
const failedTests = [];
function failedTestNames(output) {
  const lines = output.split('\n');
  const names = new Set();
  lines.forEach((line, i) => {
    const name = /^\s*(?:FAIL\s+(?:\S+\s+)?(\S+\.test\.\S+ > .*)|✖ (.*?)(?: \([\d.]+ms\))?)$/.exec(line);
    if (!name || name[2] === 'failing tests:') return;
    const reason = lines.slice(i + 1, i + 6).map((next) => next.trim()).find((next) => /Error|expected|Timeout|timed out|ECONN/i.test(next));
    names.add((name[1] ?? name[2]).slice(0, 240) + (reason ? ` — ${reason.slice(0, 240)}` : ''));
  });
  return [...names].slice(0, 20);
}

/** The steps in order, consecutive steps of one `together` group in one batch. */
const batches = [];
for (const step of steps) {
  const last = batches.at(-1);
  if (step.together && last?.[0].together === step.together) last.push(step);
  else batches.push([step]);
}

/** Runs one step of a batch; a batch of several prints each step's output whole when it ends. */
async function runStep(step, alone) {
  if (alone) console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const { status, output } = await run(step.command, step.args, { quiet: !alone });
  if (!alone) {
    console.log(`\n=== ${step.name} ===`);
    if (output) process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  }
  count(output);
  if (status !== 0) failedTests.push(...failedTestNames(output).map((name) => `${step.name}: ${name}`));
  return { step, status, line: `${status === 0 ? 'ok  ' : 'FAIL'} ${step.name} (${((Date.now() - started) / 1000).toFixed(1)} s)` };
}

const results = [];
let failed = false;
for (const batch of batches) {
  const missing = batch.map((step) => [step, step.files.filter((file) => !existsSync(file))]).find(([, files]) => files.length);
  if (missing) {
    const [step, files] = missing;
    console.log(`\n=== ${step.name} ===`);
    console.error(`npm test: step "${step.name}" cannot run: missing ${files.join(', ')}`);
    results.push(`FAIL ${step.name} (missing ${files.join(', ')})`);
    failed = true;
    break;
  }
  const runnable = [];
  for (const step of batch) {
    if (!step.skip) {
      runnable.push(step);
      continue;
    }
    console.log(`\n=== ${step.name} ===\nskipped: ${step.skip}`);
    results.push(`skip ${step.name} (${step.skip})`);
  }
  const outcomes = await Promise.all(runnable.map((step) => runStep(step, runnable.length === 1)));
  results.push(...outcomes.map(({ line }) => line));
  const failures = outcomes.filter(({ status }) => status !== 0);
  if (failures.length) {
    failed = true;
    for (const { step } of failures) console.error(`\nnpm test: step "${step.name}" failed`);
    break;
  }
}

const leftovers = readdirSync(scratch);
rmSync(scratch, { recursive: true, force: true });
if (leftovers.length) {
  results.push(`FAIL temp folder clean (left behind: ${leftovers.join(', ')})`);
  console.error(`\nnpm test: the tests left ${leftovers.length} entr${leftovers.length === 1 ? 'y' : 'ies'} in the temp folder: ${leftovers.join(', ')}`);
  failed = true;
}

console.log('\n' + results.join('\n'));
if (failedTests.length) console.log('\nfailed:\n' + failedTests.map((name) => `  ${name}`).join('\n'));
if (failed && totals.failed === 0) totals.failed = 1;
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
