// npm test: the whole gate, in CI order — typecheck → lint → unit/DOM → build → size → package
// checks → real-browser suite → collector against PostgreSQL (when its server binaries exist) →
// the collector's bounded load test.
// Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const browserTests = readdirSync('test/browser').filter((f) => f.endsWith('.test.mjs')).sort().map((f) => 'test/browser/' + f);
const postgres = ['15', '16', '17'].some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) && existsSync('demo/scripts/with-postgres.sh');
const only = process.argv[2];

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit and DOM tests', 'npx', ['vitest', 'run']],
  ['build', 'node', ['scripts/build.mjs']],
  ['size budget', 'node', ['scripts/size.mjs']],
  ['package checks', 'node', ['scripts/package-checks.mjs']],
  ['browser suite (Chromium)', 'node', ['--test', '--test-concurrency=1', '--test-reporter=spec', ...browserTests]],
  ...(postgres ? [['collector on PostgreSQL', 'bash', ['demo/scripts/with-postgres.sh']]] : []),
  ['collector load test (10,000 answers, 10% repeats, 50 clients)', 'node', ['bench/load.mjs']],
].filter(([name]) => !only || name.startsWith(only));

const results = [];
for (const [name, command, args] of steps) {
  if (command === 'node' && args[0] && !args[0].startsWith('-') && !existsSync(args[0])) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  results.push(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (run.status !== 0) {
    console.log('\n' + results.join('\n'));
    console.error(`\nnpm test: step "${name}" failed`);
    process.exit(1);
  }
}
console.log('\n' + results.join('\n'));
