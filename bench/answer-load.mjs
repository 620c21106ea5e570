// The load every collector measurement shares: `total` answer POSTs, `duplicateShare` of them
// repeats of earlier ids (the SDK's retries), shuffled so some repeats race their originals, from
// `clients` concurrent keep-alive connections. Bounded: a fixed number of requests, each with a
// timeout (10 s unless told). Reports statuses, throughput and latency percentiles; checking what was stored is
// the caller's part (it knows how to read the database).
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

const types = [['nps', [0, 10]], ['csat', [1, 5]], ['ces', [1, 7]]];

/** `distinct` answer bodies (JSON text), valid payload v1, dated within the last 60 days. */
export function answerBodies(distinct, { prefix = 'load', now = Date.now() } = {}) {
  const run = Math.random().toString(36).slice(2, 8);
  return Array.from({ length: distinct }, (_, i) => {
    const [type, scale] = types[i % 3];
    return JSON.stringify({
      v: 1, id: `${prefix}-${run}-${i.toString(36).padStart(6, '0')}`, survey: `${prefix}-${type}`, type,
      score: scale[0] + (i % (scale[1] - scale[0] + 1)), scale, comment: i % 7 ? undefined : 'ส่งของเร็วมาก — fast delivery',
      locale: i % 2 ? 'th' : 'en', url: 'https://shop.example/checkout/done',
      answeredAt: new Date(now - (i % 60) * 86_400_000 - 60_000).toISOString(), sdk: 'hearback/0.1.0',
    });
  });
}

/** The distinct bodies plus repeats of random earlier ones, shuffled (Fisher–Yates). */
export function loadPlan(bodies, total) {
  const plan = [...bodies, ...Array.from({ length: total - bodies.length }, () => bodies[Math.floor(Math.random() * bodies.length)])];
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }
  return plan;
}

/**
 * One answer POST to `${origin}/api/responses` with `Origin: siteOrigin` through `agent`; resolves
 * with the status and the `Retry-After` header, rejects on a network error or after `timeoutMs`.
 * @returns {Promise<{ status: number, retryAfter: string | null }>}
 */
export function postAnswer({ agent, origin, siteOrigin, body, timeoutMs = 10_000 }) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({
      hostname, port, path: '/api/responses', method: 'POST', agent, timeout: timeoutMs,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body), origin: siteOrigin },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`an answer POST timed out after ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Posts `plan` to `${origin}/api/responses` with `Origin: siteOrigin` (a shop page's origin on the
 * collector's allow list), `clients` requests in flight at a time. `origin` may be a list (several
 * instances): client `i` posts to `origin[i % length]`.
 * @returns {Promise<{ seconds: number, statuses: Record<string, number>, latencies: number[] }>}
 */
export async function postAnswers({ origin, siteOrigin, plan, clients, timeoutMs = 10_000 }) {
  const origins = [origin].flat();
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies = [];
  const statuses = {};
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, async (_, client) => {
      while (next < plan.length) {
        const body = plan[next++];
        const t0 = performance.now();
        const { status } = await postAnswer({ agent, origin: origins[client % origins.length], siteOrigin, body, timeoutMs });
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }));
  } finally {
    agent.destroy();
  }
  return { seconds: (performance.now() - started) / 1000, statuses, latencies: latencies.sort((a, b) => a - b) };
}

/**
 * Delivers `bodies` as the widget's outbox does, `clients` answers at a time: each answer is posted
 * with its one id until it is delivered (2xx or 409), retrying network failures, 408, 425, 429 and
 * 5xx after `Retry-After` or backoff — `decide` is the widget's own retry policy
 * (src/outbox/retry-policy.ts) — and giving up on any other status (counted in `dropped`).
 * Bounded: at most `maxTries` posts per answer, each with `timeoutMs`. `statuses` (counts by
 * status, `network error` for none) may be passed in to watch them while it runs; `onOutcome` sees
 * each post's `{ status, retryAfter }`; `signal` stops it (it then rejects with the signal's reason).
 * @returns {Promise<{ seconds: number, acknowledged: Set<string>, dropped: Record<string, number>, tries: number, statuses: Record<string, number> }>}
 */
export async function deliverLikeOutbox({ origin, siteOrigin, bodies, clients, decide, maxTries = 40, timeoutMs = 10_000, onDelivered = () => {}, onOutcome = () => {}, statuses = {}, signal }) {
  const acknowledged = new Set();
  const dropped = {};
  let tries = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    // One connection per client: a killed collector's sockets fail without holding up the others.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (next < bodies.length) {
        const body = bodies[next++];
        const { id } = JSON.parse(body);
        for (let failures = 0; ; failures++) {
          signal?.throwIfAborted();
          if (failures >= maxTries) throw new Error(`answer ${id} was not delivered in ${maxTries} tries (statuses ${JSON.stringify(statuses)})`);
          tries++;
          const outcome = await postAnswer({ agent, origin, siteOrigin, body, timeoutMs }).catch(() => ({ status: undefined, retryAfter: null }));
          statuses[outcome.status ?? 'network error'] = (statuses[outcome.status ?? 'network error'] ?? 0) + 1;
          onOutcome(outcome);
          const verdict = decide(outcome.status, outcome.retryAfter, failures, Date.now(), Math.random);
          if (verdict.kind === 'delivered') {
            acknowledged.add(id);
            onDelivered(id);
            break;
          }
          if (verdict.kind === 'drop') {
            dropped[id] = outcome.status;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
        }
      }
    } finally {
      agent.destroy();
    }
  }));
  return { seconds: (performance.now() - started) / 1000, acknowledged, dropped, tries, statuses };
}

/** The `q` quantile of sorted latencies, in ms with one decimal. */
export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);

/**
 * What went wrong, comparing the plan with the statuses and the stored ids (empty when every
 * distinct answer was stored exactly once and every repeat was answered as a duplicate).
 */
export function deliveryProblems({ bodies, total, statuses, storedIds }) {
  const expected = new Set(bodies.map((body) => JSON.parse(body).id));
  const mine = storedIds.filter((id) => expected.has(id)); // a shared database may hold other rows
  const unique = new Set(mine);
  const problems = [];
  if (statuses[201] !== expected.size) problems.push(`expected ${expected.size} × 201, got ${statuses[201] ?? 0}`);
  if ((statuses[200] ?? 0) + (statuses[409] ?? 0) !== total - expected.size) problems.push(`expected ${total - expected.size} duplicates answered 200/409, got ${JSON.stringify(statuses)}`);
  if (mine.length !== unique.size) problems.push(`${mine.length - unique.size} answers stored more than once`);
  const missing = [...expected].filter((id) => !unique.has(id)).length;
  if (missing) problems.push(`${missing} distinct answers missing`);
  return problems;
}

/** The throw-away owner of every run in this process (a second run on one PostgreSQL finds the account made by the first). */
const owner = { email: 'bench@shop.example', password: `bench-${Math.random().toString(36).slice(2)}` };

/**
 * One measured run against the built collector (started here with `env`, rate limit off, the load's
 * site origin allowed, a throw-away owner): posts the load, reads back what was stored through the
 * signed-in export, stops the server. `problems` is empty when every distinct answer is there once.
 * `instances` > 1 (PostgreSQL only: each instance opens the one `DATABASE_URL`) starts that many
 * collectors, and the clients are shared out among them.
 */
export async function measureCollector({ env = {}, total = 10_000, clients = 50, duplicateShare = 0.1, timeoutMs, instances = 1 }) {
  const { startCollector, signIn } = await import('../collector/test/support/collector-process.mjs');
  if (instances > 1 && !env.DATABASE_URL) throw new Error('several instances need one PostgreSQL (env.DATABASE_URL)');
  const siteOrigin = 'https://bench.shop.example';
  const collectors = [];
  try {
    for (let i = 0; i < instances; i++) {
      collectors.push(await startCollector({
        env: { HEARBACK_ALLOWED_ORIGINS: siteOrigin, HEARBACK_RATE_LIMIT: '0', HEARBACK_ADMIN_EMAIL: owner.email, HEARBACK_ADMIN_PASSWORD: owner.password, ...env },
      }));
    }
    const [collector] = collectors;
    const bodies = answerBodies(Math.round(total * (1 - duplicateShare)));
    const plan = loadPlan(bodies, total);
    const run = await postAnswers({ origin: collectors.map((one) => one.origin), siteOrigin, plan, clients, timeoutMs });
    const cookie = await signIn(collector.origin, owner);
    const response = await fetch(`${collector.origin}/api/responses.json?range=all`, { headers: { cookie } });
    const { responses, truncated } = await response.json();
    if (truncated) throw new Error('the export was cut: the load check cannot see every stored answer');
    const storedIds = responses.map((row) => row.id);
    return { ...run, total, distinct: bodies.length, problems: deliveryProblems({ bodies, total, statuses: run.statuses, storedIds }) };
  } finally {
    await Promise.all(collectors.map((one) => one.stop()));
  }
}

/** `10000 answers (1000 repeats) from 50 clients in 4.1 s: 2439 answers/s; p50 …` */
export function describeRun({ total, distinct, seconds, latencies, statuses }, clients) {
  return `${total} answers (${total - distinct} repeats) from ${clients} clients in ${seconds.toFixed(2)} s: ${Math.round(total / seconds)} answers/s; ` +
    `latency p50 ${quantile(latencies, 0.5)} ms, p95 ${quantile(latencies, 0.95)} ms, p99 ${quantile(latencies, 0.99)} ms, max ${quantile(latencies, 1)} ms; ` +
    `statuses ${JSON.stringify(statuses)}`;
}
