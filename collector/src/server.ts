import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps, type CollectorApp } from './app';
import { ensureOwner } from './auth/first-owner';
import type { Config } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { createLog, type Log } from './http/log';
import { createRetention, startRetentionJob } from './privacy/retention';
import { createRollupBuilder, startRollupJob } from './dashboard/rollups/build-rollups';
import { startPeriodicJob } from './jobs/periodic-job';

export interface RunningCollector extends CollectorApp {
  server: ServerType;
  db: Database;
  /** Where it listens, e.g. http://127.0.0.1:8787. */
  origin: string;
  /** Stops taking connections, lets in-flight requests finish (up to `graceMs`), closes the database. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Opens the database, applies pending migrations, creates the first owner (or prints a one-time
 * setup link), and listens. `say` gets the human-readable start-up lines; requests are logged as
 * JSON through `log`.
 */
/**
 * How long a client may take to send a request: its headers, and the whole request with its body
 * (Node's default gives a slow client 300 s per socket). A client that takes longer gets 408 and
 * its connection is closed. Node checks every `checkEveryMs`.
 */
export interface RequestTimeLimits {
  headersMs: number;
  requestMs: number;
  checkEveryMs: number;
}

export const defaultTimeLimits: RequestTimeLimits = { headersMs: 15_000, requestMs: 30_000, checkEveryMs: 2_000 };

/** How long a starting server waits for a PostgreSQL server that does not answer yet (started beside it). */
export const DATABASE_START_WAIT_MS = 60_000;

export async function startServer({ config, log = createLog(), say = (line: string) => console.log(line), site, limits = defaultTimeLimits, databaseWaitMs = DATABASE_START_WAIT_MS }: {
  config: Config;
  /** @default DATABASE_START_WAIT_MS */
  databaseWaitMs?: number;
  log?: Log;
  say?: (line: string) => void;
  site?: AppDeps['site'];
  /** @default defaultTimeLimits (tests make them short) */
  limits?: RequestTimeLimits;
}): Promise<RunningCollector> {
  const { db, where } = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, waitMs: databaseWaitMs, say });
  let collector: CollectorApp;
  let server: ServerType;
  try {
    const applied = await migrate(db);
    collector = createApp({ db, config, log, site });
    server = await listen(collector, config, limits);
    const origin = urlOf(server.address() as AddressInfo);
    const owner = await ensureOwner({ db, users: collector.accounts.users, config, origin: config.publicUrl ?? origin });
    say(`hearback collector listening on ${origin}${config.publicUrl ? ` (public address ${config.publicUrl})` : ''}`);
    say(`  database:  ${where}${applied.length ? ` (migrated: ${applied.join(', ')})` : ''}`);
    // What is in effect: the environment, or what the owner set in the app (Settings → Site).
    await collector.deps.settings.refresh({ force: true });
    const live = collector.deps.config;
    say(`  answers:   POST ${live.publicUrl ?? origin}/api/responses from ${live.allowedOrigins.length ? live.allowedOrigins.join(', ') : 'this app\'s own pages only (allow sites in Settings → Site, or HEARBACK_ALLOWED_ORIGINS)'}`);
    if (live.retentionDays) say(`  retention: answers are deleted ${live.retentionDays} days after they arrive (checked now and hourly)`);
    if (owner && 'owner' in owner) say(`  owner:     ${owner.owner} created from HEARBACK_ADMIN_EMAIL`);
    const sealed = await collector.alerts.sealStoredSecrets();
    say(`  alerts:    channel secrets ${collector.alerts.sealing ? `encrypted with HEARBACK_SECRET_KEY${sealed ? ` (${sealed} channel${sealed === 1 ? '' : 's'} encrypted now)` : ''}` : 'stored as typed (set HEARBACK_SECRET_KEY to encrypt them)'}`);
    collector.alerts.worker.start();
    if (owner && 'setupUrl' in owner) say(`  setup:     nobody can sign in yet; open this one-time link within 24 hours to create the owner:\n             ${owner.setupUrl}`);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  // Answers older than the retention period (HEARBACK_RETENTION_DAYS, or Settings → Site, read on
  // every run) go now and then every hour, in bounded batches.
  const { config: live, settings } = collector.deps;
  const retentionDays = async () => {
    await settings.refresh();
    return live.retentionDays;
  };
  const retention = startRetentionJob({ deleteExpired: createRetention({ db, days: retentionDays }), log });
  // The dashboard's daily rollups, in the shop's zone as set now: past days on start, then every 10
  // minutes (yesterday after midnight).
  const rollups = startRollupJob({ builder: createRollupBuilder({ db, timeZone: () => live.timezone }), log });
  // One-tap survey emails: queued ones go out every few seconds, at the rate the owner chose.
  const oneTapMail = startPeriodicJob({ job: 'one-tap emails', run: collector.oneTap.sendQueuedEmails, everyMs: 5_000, log });
  const origin = urlOf(server.address() as AddressInfo);
  return {
    ...collector,
    server,
    db,
    origin,
    async close(graceMs = 10_000) {
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Keep-alive connections with no request in flight would hold close() open: end them now.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await retention.stop();
      await rollups.stop();
      await oneTapMail.stop();
      await collector.alerts.worker.stop();
      await db.close();
    },
  };
}

function listen({ app }: CollectorApp, config: Config, limits: RequestTimeLimits): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const serverOptions = { headersTimeout: limits.headersMs, requestTimeout: limits.requestMs, connectionsCheckingInterval: limits.checkEveryMs };
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${config.port} on ${config.host} is taken; choose another with PORT or --port`) : error));
    if ('keepAliveTimeout' in server) server.keepAliveTimeout = 65_000;
  });
}

function urlOf({ address, port }: AddressInfo): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/**
 * Runs until SIGINT or SIGTERM, then shuts down gracefully: requests already in flight finish,
 * new connections are refused, the database closes, the process exits 0.
 */
export function stopOnSignals(running: RunningCollector, say: (line: string) => void = console.log): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      say(`hearback collector: ${signal}, finishing requests in flight`);
      running.close().then(() => process.exit(0), (error) => {
        console.error(error);
        process.exit(1);
      });
    });
  }
}

export { loadConfig, type Config } from './config';
export { createLog } from './http/log';
