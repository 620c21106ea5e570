// npm test: the whole gate, in CI order — typecheck → lint → unit/DOM → build → size → package
// checks → real-browser suite → collector against PostgreSQL (when its server binaries exist) →
// the collector's bounded load test.
// Stops at the first failing step and exits non-zero.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const browserTests = readdirSync('test/browser').filter((f) => f.endsWith('.test.mjs')).sort().map((f) => 'test/browser/' + f);
const postgres = ['15', '16', '17'].some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) && existsSync('demo/scripts/with-postgres.sh');
const only = process.argv[2];

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit and DOM tests', 'npx', ['vitest', 'run']],
  ['build', 'npx', ['rollup', '-c']],
  ['size budget', 'node', ['scripts/size.mjs']],
  ['package checks', 'node', ['scripts/package-checks.mjs']],
  ['browser suite (Chromium)', 'node', ['--test', '--test-concurrency=1', '--test-reporter=spec', ...browserTests]],
  ...(postgres ? [['collector on PostgreSQL', 'bash', ['demo/scripts/with-postgres.sh']]] : []),
  ['collector load test (10,000 answers, 10% repeats, 50 clients)', 'node', ['bench/load.mjs']],
].filter(([name]) => !only || name.startsWith(only));

/** Runs a step, echoing its output, and counts the tests its runner reports (vitest, node:test). */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (process.stdout.write(chunk), (output += chunk)));
    child.stderr.on('data', (chunk) => (process.stderr.write(chunk), (output += chunk)));
    child.on('close', (status) => resolve({ status, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
function count(output) {
  const vitest = /^\s*Tests\s+(.*)$/m.exec(output);
  if (vitest) for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(n);
  for (const [, kind, n] of output.matchAll(/^ℹ (pass|fail|skipped) (\d+)$/gm)) totals[{ pass: 'passed', fail: 'failed', skipped: 'skipped' }[kind]] += Number(n);
}

const results = [];
let failed = false;
for (const [name, command, args] of steps) {
  if (command === 'node' && args[0] && !args[0].startsWith('-') && !existsSync(args[0])) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { status, output } = await run(command, args);
  count(output);
  results.push(`${status === 0 ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (status !== 0) {
    failed = true;
    console.error(`\nnpm test: step "${name}" failed`);
    break;
  }
}
console.log('\n' + results.join('\n'));
if (failed && totals.failed === 0) totals.failed = 1;
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
