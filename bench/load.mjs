// Load test of the collector: 10,000 answers, 10% of them repeats of earlier ids (the SDK's
// retries), from 50 concurrent keep-alive clients on 127.0.0.1, against `demo/server.mjs` (the
// collector with the demo owner, its per-client rate limit off: every client here shares one IP)
// on PGlite in a temp folder. Asserts every distinct answer is stored exactly once; prints
// throughput and latency. Bounded: fixed request count, 10 s per request, 180 s in all.
// Usage: node bench/load.mjs [--answers 10000] [--clients 50] [--postgres]
// --postgres keeps DATABASE_URL (collector/scripts/with-postgres.sh node bench/load.mjs --postgres).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_OWNER } from '../demo/demo-owner.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const TOTAL = arg('answers', 10_000);
const CLIENTS = arg('clients', 50);
const DUPLICATE_SHARE = 0.1;
const DEADLINE_MS = 180_000;

const dataDir = mkdtempSync(join(tmpdir(), 'hearback-load-'));
const server = spawn(process.execPath, ['demo/server.mjs'], {
  cwd: new URL('..', import.meta.url),
  env: { ...process.env, PORT: '0', HEARBACK_DATA_DIR: dataDir, HEARBACK_RATE_LIMIT: '0', DATABASE_URL: process.argv.includes('--postgres') ? process.env.DATABASE_URL : '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const deadline = setTimeout(() => fail(`did not finish within ${DEADLINE_MS / 1000} s`), DEADLINE_MS);

function fail(message) {
  console.error(`load test FAILED: ${message}`);
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

const origin = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = out.match(/listening on (http:\/\/[\d.:]+)/);
    if (match) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
}).catch((error) => fail(error.message));

// The plan: 9,000 distinct answers, then 1,000 repeats of random earlier ids, shuffled together so
// some repeats race their originals.
const distinct = Math.round(TOTAL * (1 - DUPLICATE_SHARE));
const types = [['nps', [0, 10]], ['csat', [1, 5]], ['ces', [1, 7]]];
const bodies = Array.from({ length: distinct }, (_, i) => {
  const [type, scale] = types[i % 3];
  return JSON.stringify({
    v: 1, id: `load-${i.toString(36).padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`, survey: `load-${type}`, type,
    score: scale[0] + (i % (scale[1] - scale[0] + 1)), scale, comment: i % 7 ? undefined : 'ส่งของเร็วมาก — fast delivery',
    locale: i % 2 ? 'th' : 'en', url: 'https://shop.example/checkout/done',
    answeredAt: new Date(Date.UTC(2026, 10, 23) - (i % 60) * 86_400_000).toISOString(), sdk: 'hearback/0.1.0',
  });
});
const plan = [...bodies, ...Array.from({ length: TOTAL - distinct }, () => bodies[Math.floor(Math.random() * distinct)])];
for (let i = plan.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [plan[i], plan[j]] = [plan[j], plan[i]];
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
const { hostname, port } = new URL(origin);
function post(body) {
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: '/api/responses', method: 'POST', agent, timeout: 10_000,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy(new Error('request timed out after 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

const latencies = [];
const statuses = {};
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, async () => {
  while (next < plan.length) {
    const body = plan[next++];
    const t0 = performance.now();
    const status = await post(body).catch((error) => fail(error.message));
    latencies.push(performance.now() - t0);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
}));
const seconds = (performance.now() - started) / 1000;

// Reading answers needs the owner: sign in as the demo owner, as the app's own page would.
const signedIn = await fetch(`${origin}/signin`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(DEMO_OWNER) });
if (signedIn.status !== 200) fail(`signing in as the demo owner answered ${signedIn.status}`);
const cookie = signedIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
const stored = await fetch(`${origin}/api/responses.json`, { headers: { cookie } }).then((r) => r.json());
const expected = new Set(bodies.map((b) => JSON.parse(b).id));
const ids = stored.map((r) => r.id).filter((id) => expected.has(id)); // a server database may hold other rows
const unique = new Set(ids);
clearTimeout(deadline);
server.kill('SIGTERM');
agent.destroy();
await new Promise((resolve) => server.on('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
console.log(`${TOTAL} answers (${TOTAL - distinct} repeats) from ${CLIENTS} clients in ${seconds.toFixed(2)} s: ` +
  `${Math.round(TOTAL / seconds)} answers/s; latency p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
console.log(`statuses: ${JSON.stringify(statuses)}; stored ${ids.length} rows, ${unique.size} distinct ids`);

const problems = [];
if (statuses[201] !== distinct) problems.push(`expected ${distinct} × 201, got ${statuses[201] ?? 0}`);
if (statuses[200] !== TOTAL - distinct) problems.push(`expected ${TOTAL - distinct} × 200 duplicate, got ${statuses[200] ?? 0}`);
if (ids.length !== distinct || unique.size !== distinct) problems.push(`expected ${distinct} rows once each, got ${ids.length} rows / ${unique.size} distinct`);
if ([...expected].some((id) => !unique.has(id))) problems.push('some distinct answers were not stored');
if (problems.length) fail(problems.join('; '));
console.log('load test passed: every distinct answer stored exactly once');
