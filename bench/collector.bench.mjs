// The collector's throughput, as a shop would run it: the built command on 127.0.0.1, 10,000 answer
// POSTs of which 10% repeat an earlier id (shuffled, so some race their original), from 50
// concurrent keep-alive clients, rate limit off — on PGlite (a temp folder), then on PostgreSQL (a
// throw-away cluster from Debian's server binaries, started and deleted here) with one instance and
// with two (the clients shared out between them). Prints what it
// measured beside the targets; fails only if a distinct answer is missing or stored twice.
// Usage: node bench/collector.bench.mjs [--answers 10000] [--clients 50] [--postgres-only]
// (--postgres-only runs against $DATABASE_URL; the plain run starts a cluster for it.)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { describeRun, measureCollector, quantile } from './answer-load.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const total = arg('answers', 10_000);
const clients = arg('clients', 50);
const targets = { pglite: 1_000, postgres: 2_000, 'postgres, 2 instances': 2_000 };

function report(database, run) {
  const rate = Math.round(run.total / run.seconds);
  console.log(`| ${database} | ${rate} answers/s | ${quantile(run.latencies, 0.5)} ms | ${quantile(run.latencies, 0.95)} ms | ≥ ${targets[database].toLocaleString('en')} answers/s${rate < targets[database] ? ' (below target)' : ''} |`);
  console.log(`\n${describeRun(run, clients)}\n`);
  if (run.problems.length) {
    console.error(`collector bench FAILED on ${database}: ${run.problems.join('; ')}`);
    process.exitCode = 1;
  }
}

const header = () => console.log(`| database | throughput | p50 | p95 | target |\n|---|---|---|---|---|`);

if (process.argv.includes('--postgres-only')) {
  if (!process.env.DATABASE_URL) throw new Error('--postgres-only needs DATABASE_URL');
  header();
  report('postgres', await measureCollector({ env: { DATABASE_URL: process.env.DATABASE_URL }, total, clients }));
  // How it grows with instances: two collectors on the same PostgreSQL, the clients shared out.
  report('postgres, 2 instances', await measureCollector({ env: { DATABASE_URL: process.env.DATABASE_URL }, total, clients, instances: 2 }));
} else {
  console.log(`\n## Collector: ${total.toLocaleString('en')} answers, 10% repeats, ${clients} keep-alive clients\n`);
  header();
  report('pglite', await measureCollector({ total, clients }));

  const withPostgres = ['collector/scripts/with-postgres.sh', 'demo/scripts/with-postgres.sh'].find((path) => existsSync(path));
  const binaries = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  if (!withPostgres || !binaries) {
    console.log(`PostgreSQL skipped: ${!binaries ? 'no server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)' : 'no with-postgres.sh script'}`);
  } else {
    const child = spawnSync('sh', [withPostgres, process.execPath, 'bench/collector.bench.mjs', '--postgres-only', '--answers', String(total), '--clients', String(clients)], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    // Keep the child's result row under this table's header.
    process.stdout.write(child.stdout.split('\n').filter((line) => !line.startsWith('| database') && !line.startsWith('|---')).join('\n'));
    if (child.status !== 0) process.exitCode = 1;
  }
}
