// The fault drill in `npm test` (its own step, under collector/scripts/with-postgres.sh): the built
// collector on a PostgreSQL server, clients that deliver like the widget's outbox (the same id on
// every retry, the widget's own retry policy), 3,000 answers of which the NPS 0–2 ones fire an alert
// to a local fake webhook receiver — while the drill kills the collector twice with SIGKILL
// (starting it again on the same database and port) and restarts PostgreSQL once under the
// running collector. Then: every acknowledged answer is stored once with its score, the collector
// that lived through the PostgreSQL restart is still the same process, the restart was seen as the
// contract says (answer posts told 503, each with a Retry-After), and every alert for those
// answers reached the receiver once (one webhook-id per answer; a repeat of the same webhook-id,
// possible only when a kill lands between a send and its record, is shown and deduplicated as a
// Standard Webhooks receiver does). Prints one line of figures; exits non-zero on any problem.
// Bounded: fixed answer count, at most 40 tries each, 30 s for alerts to arrive, 240 s in all (a bound for a busy machine; it takes far less).
// Usage (needs DATABASE_URL and PG_CTL, as with-postgres.sh sets them):
//   sh collector/scripts/with-postgres.sh node bench/fault-drill.mjs [--answers 3000] [--clients 40]
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { promisify } from 'node:util';
import pg from 'pg';
import { answerBodies, deliverLikeOutbox } from './answer-load.mjs';
import { repositoryRoot, signIn, startCollector } from '../collector/test/support/collector-process.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const total = arg('answers', 3_000);
const clients = arg('clients', 40);
const { DATABASE_URL: databaseUrl, PG_CTL: pgCtl } = process.env;
if (!databaseUrl || !pgCtl) {
  console.error('fault drill: needs DATABASE_URL and PG_CTL; run it as: sh collector/scripts/with-postgres.sh node bench/fault-drill.mjs');
  process.exit(2);
}

const deadline = setTimeout(() => {
  console.error('fault drill FAILED: did not finish within 240 s');
  process.exit(1);
}, 240_000);
deadline.unref();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const freePort = () => new Promise((resolve) => {
  const server = createNetServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

// The widget's retry policy, from its source.
const policy = await build({ entryPoints: [`${repositoryRoot}src/outbox/retry-policy.ts`], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
const { decide } = await import(`data:text/javascript;base64,${Buffer.from(policy.outputFiles[0].text).toString('base64')}`);

// The webhook receiver: every request, by webhook-id and by answer.
const received = [];
const receiver = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const { data } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    received.push({ webhookId: request.headers['webhook-id'], answerId: data?.answerId, at: Date.now() });
    response.writeHead(204).end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));

const siteOrigin = 'https://drill.shop.example';
const owner = { email: 'drill@shop.example', password: `drill-${Math.random().toString(36).slice(2)}` };
const env = {
  DATABASE_URL: databaseUrl, PORT: String(await freePort()), HEARBACK_ALLOWED_ORIGINS: siteOrigin, HEARBACK_RATE_LIMIT: '0',
  HEARBACK_ADMIN_EMAIL: owner.email, HEARBACK_ADMIN_PASSWORD: owner.password,
  // A killed collector's claimed alerts go out again after this; the default (120 s) outlasts the drill.
  HEARBACK_ALERT_LEASE: '10',
  // The fake receiver is on 127.0.0.1.
  HEARBACK_ALLOW_PRIVATE_DESTINATIONS: '1',
  // Every alert of the run goes to one channel: the hourly cap (HEARBACK_ALERTS_PER_HOUR) would hold
  // most of them back, and the drill counts that each is sent once.
  HEARBACK_ALERTS_PER_HOUR: '0',
};
const database = new pg.Client({ connectionString: databaseUrl });
let collector;
const problems = [];
/** When each SIGKILL was sent (ms). */
const killedAt = [];
const figures = { kills: 0, restarts: 0, refusedWhileAway: 0, healthDuringRestart: {}, unavailableWithoutRetryAfter: 0 };
/** The answer posts' statuses so far, by status. */
const statuses = {};
/** Stops the load when a fault went wrong in a way retrying cannot mend (the collector is gone). */
const abort = new AbortController();
try {
  collector = await startCollector({ env });
  const cookie = await signIn(collector.origin, owner);
  const api = async (path, body) => {
    const response = await fetch(`${collector.origin}${path}`, { method: 'POST', headers: { cookie, origin: collector.origin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const { channel } = await api('/api/alerts/channels', { kind: 'webhook', name: 'Drill receiver', locale: 'en', url: `http://127.0.0.1:${receiver.address().port}/hook` });
  await api('/api/alerts/rules', { name: 'Very unhappy', enabled: true, scoreType: 'nps', scoreMax: 2, channels: [channel.id] });

  const bodies = answerBodies(total, { prefix: 'drill' });
  const scores = new Map(bodies.map((body) => JSON.parse(body)).map((answer) => [answer.id, answer]));
  let delivered = 0;
  // The faults, each when a share of the answers is in: SIGKILL and start again; PostgreSQL
  // restarted under the running collector; SIGKILL and start again.
  const faults = [
    { at: 0.15, run: killAndStart },
    { at: 0.4, run: restartPostgres },
    { at: 0.65, run: killAndStart },
  ];
  let faulting = Promise.resolve();
  const progress = setInterval(() => console.error(`fault drill: ${delivered} delivered, statuses ${JSON.stringify(statuses)}, kills ${figures.kills}, restarts ${figures.restarts}`), 10_000);
  const onDelivered = () => {
    delivered++;
    while (faults.length && delivered >= faults[0].at * total) {
      const { run } = faults.shift();
      faulting = faulting.then(run).catch((error) => problems.push(String(error?.message ?? error)));
    }
  };
  // A 503 (the database away) must say when to come back: the widget waits that long.
  const onOutcome = ({ status, retryAfter }) => void (status === 503 && !(Number(retryAfter) > 0) && figures.unavailableWithoutRetryAfter++);
  const load = await deliverLikeOutbox({ origin: collector.origin, siteOrigin, bodies, clients, decide, onDelivered, onOutcome, statuses, signal: abort.signal });
  await faulting;
  clearInterval(progress);
  if (faults.length) problems.push(`${faults.length} faults never ran (the load finished first)`);
  const dropped = Object.entries(load.dropped);
  if (dropped.length) problems.push(`${dropped.length} answers refused for good, e.g. ${dropped[0][0]}: ${dropped[0][1]}`);

  // What was stored.
  await database.connect();
  const { rows } = await database.query('SELECT id, score, count(*) OVER (PARTITION BY id)::int AS copies FROM responses WHERE id = ANY($1)', [[...scores.keys()]]);
  const stored = new Map(rows.map((row) => [row.id, row]));
  const lost = [...load.acknowledged].filter((id) => !stored.has(id));
  const twice = rows.filter((row) => row.copies > 1).length;
  const wrongScore = rows.filter((row) => row.score !== scores.get(row.id).score).length;
  if (lost.length) problems.push(`${lost.length} acknowledged answers missing, e.g. ${lost[0]}`);
  if (twice) problems.push(`${twice} answers stored more than once`);
  if (wrongScore) problems.push(`${wrongScore} answers stored with another score`);

  // The alerts: one per acknowledged NPS answer of 0–2.
  const expected = new Set([...load.acknowledged].filter((id) => scores.get(id).type === 'nps' && scores.get(id).score <= 2));
  const arrived = () => new Set(received.map((r) => r.answerId).filter((id) => expected.has(id)));
  for (let waited = 0; arrived().size < expected.size && waited < 30_000; waited += 250) await sleep(250);
  const idsByAnswer = new Map();
  for (const { answerId, webhookId } of received) idsByAnswer.set(answerId, (idsByAnswer.get(answerId) ?? new Set()).add(webhookId));
  const alertsSent = arrived().size;
  const twoDeliveries = [...idsByAnswer.values()].filter((ids) => ids.size > 1).length;
  // A repeat of a webhook-id is explained only by a kill between its first arrival and the repeat
  // (the collector died before recording the send); one across the PostgreSQL restart is a bug.
  const firstArrival = new Map();
  const repeats = [];
  for (const { webhookId, at } of received) {
    if (firstArrival.has(webhookId)) repeats.push({ webhookId, first: firstArrival.get(webhookId), at });
    else firstArrival.set(webhookId, at);
  }
  const unexplained = repeats.filter(({ first, at }) => !killedAt.some((kill) => kill >= first && kill <= at)).length;
  const unexpected = [...idsByAnswer.keys()].filter((id) => !expected.has(id)).length;
  if (alertsSent !== expected.size) problems.push(`${expected.size - alertsSent} alerts never arrived`);
  if (twoDeliveries) problems.push(`${twoDeliveries} answers were alerted by two deliveries`);
  if (unexpected) problems.push(`${unexpected} alerts for answers no rule matched`);
  if (unexplained) problems.push(`${unexplained} alerts sent again with no kill between the two sends`);
  if (collector.exited()) problems.push('the collector is not running at the end');
  if (figures.unavailableWithoutRetryAfter) problems.push(`${figures.unavailableWithoutRetryAfter} answer posts told 503 without a Retry-After`);

  console.log(
    `fault drill: ${total} answers from ${clients} outbox clients in ${load.seconds.toFixed(1)} s (${load.tries} posts); ` +
    `kills ${figures.kills}, PostgreSQL restarts ${figures.restarts} (${figures.refusedWhileAway} answer posts told 503 meanwhile, /healthz ${JSON.stringify(figures.healthDuringRestart)}, collector stayed up); ` +
    `acknowledged ${load.acknowledged.size}, stored ${stored.size}, lost ${lost.length}, twice ${twice}; ` +
    `alerts expected ${expected.size}, sent ${alertsSent}${repeats.length ? ` (+${repeats.length} repeated after a kill with the same webhook-id, deduplicated by the receiver)` : ''}; statuses ${JSON.stringify(load.statuses)}`,
  );

  async function killAndStart() {
    killedAt.push(Date.now());
    await collector.kill();
    figures.kills++;
    collector = await startCollector({ env });
  }

  async function restartPostgres() {
    const before = collector;
    const health = async () => (await fetch(`${before.origin}/healthz`).catch(() => ({ status: 0 }))).status;
    const refusedBefore = statuses[503] ?? 0;
    // /healthz while the server restarts (every 50 ms), to show what a load balancer would see.
    let restarting = true;
    const watching = (async () => {
      while (restarting) {
        const seen = await health();
        figures.healthDuringRestart[seen] = (figures.healthDuringRestart[seen] ?? 0) + 1;
        await sleep(50);
      }
    })();
    await promisify(execFile)('sh', ['-c', `${pgCtl} -m immediate -w -t 30 restart`]).finally(() => (restarting = false));
    await watching;
    figures.restarts++;
    // Back by itself: /healthz 200 from the same process, within 15 s.
    let status = await health();
    for (let waited = 0; status !== 200 && !before.exited() && waited < 15_000; waited += 200) {
      await sleep(200);
      status = await health();
    }
    if (before.exited() || collector !== before) {
      problems.push('the collector process ended when PostgreSQL restarted');
      abort.abort(new Error('the load was stopped: the collector is gone'));
    } else if (status !== 200) problems.push(`/healthz answered ${status} 15 s after PostgreSQL came back`);
    figures.refusedWhileAway = (statuses[503] ?? 0) - refusedBefore;
    // The restart was seen as the contract says: answers told 503 (each with a Retry-After: checked
    // as they come). /healthz is polled to show what a load balancer sees, not required to catch
    // the short window (database-away.postgres.test.ts holds /healthz 503 while away).
    if (figures.refusedWhileAway === 0) problems.push('no answer post was told 503 while PostgreSQL restarted: the drill never saw the database away');
  }
} catch (error) {
  if (!abort.signal.aborted) problems.push(String(error?.stack ?? error));
} finally {
  await collector?.stop();
  await database.end().catch(() => {});
  await new Promise((resolve) => receiver.close(resolve));
}

if (problems.length) {
  console.error(`fault drill FAILED: ${problems.join('; ')}`);
  if (collector) console.error(`collector output (last 3,000 characters):\n${collector.output().slice(-3_000)}`);
  process.exit(1);
}
console.log('fault drill passed: no acknowledged answer lost, none stored twice, every alert delivered once (one webhook-id per answer)');
