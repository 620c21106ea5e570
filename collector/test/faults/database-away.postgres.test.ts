// The collector while its PostgreSQL server is away: each test reaches the shared server through a
// proxy of its own (test/support/cuttable-proxy.ts) and cuts it — the server's other users go on.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/alerts/channel-store';
import { createAlertHook } from '../../src/alerts/hook';
import { createRule } from '../../src/alerts/rule-store';
import { createAlertWorker } from '../../src/alerts/worker';
import type { Database } from '../../src/db/database';
import { DatabaseUnavailableError } from '../../src/db/database-unavailable';
import { migrate } from '../../src/db/migrate';
import { createPostgresDatabase } from '../../src/db/postgres-database';
import { createRollupBuilder, startRollupJob } from '../../src/dashboard/rollups/build-rollups';
import { silentLog } from '../../src/http/log';
import { startServer } from '../../src/server';
import { makeAnswer, storeAnswer } from '../alerts/answers';
import { startFakeHttp } from '../alerts/fakes/fake-http';
import { answer, asBrowser, signIn, startTestCollector } from '../harness';
import { testConfig } from '../../src/config';
import { startCuttableProxy, type CuttableProxy } from '../support/cuttable-proxy';

const server = process.env.DATABASE_URL!;
const schema = `hearback_faults_${process.pid}_${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL away under a running collector', () => {
  let proxy: CuttableProxy;
  let db: Database;
  const logged: string[] = [];

  beforeAll(async () => {
    await onServer(`CREATE SCHEMA ${schema}`);
    proxy = await startCuttableProxy(server);
    db = await createPostgresDatabase({ connectionString: proxy.url, searchPath: schema, max: 4, log: (line) => logged.push(line) });
    await migrate(db);
  });
  afterEach(() => proxy.restore());
  afterAll(async () => {
    await db?.close();
    await proxy?.close();
    await onServer(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('a connection cut between the statements of a transaction fails that transaction as "unavailable", and the process stays up', async () => {
    const outcome = db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      // The server goes away while this transaction holds its connection between two statements.
      await proxy.cut();
      await sleep(100);
      await tx.query('SELECT 2');
    });
    await expect(outcome).rejects.toBeInstanceOf(DatabaseUnavailableError);
    // Away: a statement fails at once (no hanging request), as "unavailable".
    const started = Date.now();
    await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000);
    // Back: the pool connects again by itself.
    await proxy.restore();
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('answers 503 with Retry-After on the answer route and on signed-in pages while away, /healthz 503 then 200, and stores the retried answer once', async () => {
    const collector = await startTestCollector({ db });
    try {
      const cookie = await signIn(collector);
      const post = (body: object) => collector.request('/api/responses', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
      const before = answer();
      expect((await post(before)).status).toBe(201);

      await proxy.cut();
      const during = answer();
      const refused = await post(during);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await collector.request('/healthz')).status).toBe(503);
      // A signed-in read says "try again" too, in the reader's language — not "something went wrong" (500).
      const summary = await collector.request('/api/summary', { headers: asBrowser(collector, cookie, { 'accept-language': 'th' }) });
      expect(summary.status).toBe(503);
      expect(summary.headers.get('retry-after')).toBeTruthy();
      expect((await summary.json()).problems[0]).toMatch(/ฐานข้อมูล/);

      await proxy.restore();
      expect((await collector.request('/healthz')).status).toBe(200);
      // The widget retries the refused answer with the same id: stored now, and only once.
      expect((await post(during)).status).toBe(201);
      expect((await post(during)).status).toBe(200);
      const { rows } = await db.query<{ id: string }>('SELECT id FROM responses WHERE id = ANY($1) ORDER BY id', [[before.id, during.id]]);
      expect(rows.map((row) => row.id).sort()).toEqual([before.id, during.id].sort());
      expect((await collector.request('/api/summary', { headers: asBrowser(collector, cookie) })).status).toBe(200);
    } finally {
      await collector.close();
    }
  });

  it('an alert sent just before the database went away is recorded once it is back, and never sent again', async () => {
    const receiver = await startFakeHttp((_request, response) => {
      // The receiver has the alert; the database goes away before the worker can write "sent".
      void proxy.cut().then(() => response.writeHead(204).end());
    });
    try {
      const channel = await createChannel(db, { name: 'Hook', kind: 'slack', locale: 'en', config: { webhookUrl: `${receiver.url}/hook` }, quiet: null, digestHour: null });
      await createRule(db, { name: 'Unhappy', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: [channel] });
      await storeAnswer(db, makeAnswer({ score: 1 }), createAlertHook({ timeZone: 'Asia/Bangkok' }));
      let clock = Date.now();
      const leaseMs = 60_000;
      const worker = createAlertWorker({
        db, send: { lineApiUrl: 'http://127.0.0.1:9', destinations: { allowPrivate: true } }, publicUrl: 'https://shop.example', timeZone: 'Asia/Bangkok',
        now: () => new Date(clock), leaseMs, log: () => {},
      });
      const first = worker.tick();
      await sleep(500);
      await proxy.restore();
      expect(await first).toBe(1);
      expect(receiver.requests).toHaveLength(1);
      // Long after the lease would have run out, nothing is due: the delivery was recorded as sent.
      clock += leaseMs * 2;
      expect(await worker.tick()).toBe(0);
      expect(receiver.requests).toHaveLength(1);
      const { rows } = await db.query<{ status: string }>('SELECT status FROM alert_deliveries');
      expect(rows).toEqual([{ status: 'sent' }]);
    } finally {
      await receiver.close();
    }
  });

  it('the rollup job (a periodic job, as retention is) that failed while the database was away runs again soon after it is back, not an interval later, and builds the day it missed', async () => {
    // An answer three days ago: a past day the rollups have not built yet.
    const day = new Date(Date.now() - 3 * 86_400_000);
    await storeAnswer(db, makeAnswer({ answeredAt: day }), createAlertHook({ timeZone: 'Asia/Bangkok', now: () => new Date() }));
    await proxy.cut();
    const lines: Record<string, unknown>[] = [];
    const job = startRollupJob({
      builder: createRollupBuilder({ db, timeZone: 'Asia/Bangkok' }),
      everyMs: 600_000, // the rollups' 10 minutes
      retryMs: 50,
      log: { info: (fields) => lines.push(fields), error: (message, fields) => lines.push({ message, ...fields }) },
    });
    try {
      await job.firstRun();
      expect(lines[0]).toMatchObject({ job: 'rollups', message: 'rollups: run failed' });
      await sleep(300);
      const failedRuns = lines.filter((line) => line.message === 'rollups: run failed').length;
      expect(failedRuns, 'backed off (doubling), not spinning').toBeLessThan(10);
      await proxy.restore();
      for (let waited = 0; !lines.some((line) => 'built' in line) && waited < 5_000; waited += 50) await sleep(50);
      expect(lines).toContainEqual(expect.objectContaining({ job: 'rollups', resumed: true }));
      expect(lines).toContainEqual(expect.objectContaining({ job: 'rollups', built: expect.any(Number) }));
      const { rows } = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM rollup_days');
      expect(Number(rows[0].n)).toBeGreaterThan(0);
    } finally {
      await job.stop();
    }
  });

  it('a collector started while its PostgreSQL server is away waits for it, saying so, and starts when it answers', async () => {
    const database = `${schema}_start`;
    await onServer(`CREATE DATABASE ${database}`);
    const startProxy = await startCuttableProxy(server);
    const url = new URL(startProxy.url);
    url.pathname = `/${database}`;
    try {
      await startProxy.cut();
      const said: string[] = [];
      const starting = startServer({ config: testConfig({ port: 0, databaseUrl: url.toString() }), log: silentLog, say: (line) => said.push(line), databaseWaitMs: 30_000 });
      for (let waited = 0; !said.length && waited < 10_000; waited += 50) await sleep(50);
      expect(said[0]).toMatch(/database: {2}not answering .*trying again in 1 s/);
      await startProxy.restore();
      const running = await starting;
      try {
        expect(said.some((line) => line.startsWith('hearback collector listening on'))).toBe(true);
        expect((await fetch(`${running.origin}/healthz`)).status).toBe(200);
      } finally {
        await running.close();
      }
      // With no wait left it exits with the unavailable error (the pool ended: nothing holds the process).
      await startProxy.cut();
      await expect(startServer({ config: testConfig({ port: 0, databaseUrl: url.toString() }), say: () => {}, databaseWaitMs: 0 })).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await startProxy.close();
      await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});
