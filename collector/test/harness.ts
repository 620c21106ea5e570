// What the collector's tests share: a database (PGlite in memory, or a throw-away schema on the
// PostgreSQL server in DATABASE_URL — the same tests run on both), a real server on port 0, a
// signed-in client, and valid answers.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createApp, type AppDeps, type CollectorApp } from '../src/app';
import { testConfig, type Config } from '../src/config';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { createPostgresDatabase } from '../src/db/postgres-database';
import { silentLog } from '../src/http/log';
import { openMigratedPglite } from './empty-pglite';

export const databaseKind = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/**
 * A fresh, empty database: PGlite in memory, or with DATABASE_URL a new schema on that server,
 * dropped on close (so an owner's tables are never touched). `shared` opens a second connection
 * pool on the same schema, as a second instance would.
 */
export async function openTestDatabase(): Promise<Database & { shared(): Promise<Database> }> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    const db = await openMigratedPglite();
    return { ...db, shared: async () => ({ ...db, close: async () => {} }) };
  }
  const schema = `hearback_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const open = () => createPostgresDatabase({ connectionString, searchPath: schema });
  const db = await open();
  return {
    ...db,
    shared: open,
    async close() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

export interface TestCollector extends CollectorApp {
  origin: string;
  db: Database;
  config: Config;
  /** fetch() against this server; `path` starts with /. */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export const OWNER = { email: 'owner@shop.example', password: 'correct horse battery' };

/**
 * The collector on a real server (127.0.0.1, port 0), migrated, with the owner `OWNER`. Pass `db`
 * to share a database between two instances; it is then not closed with the server.
 */
export async function startTestCollector({ db, config = {}, ...deps }: { db?: Database; config?: Partial<Config> } & Omit<Partial<AppDeps>, 'db' | 'config'> = {}): Promise<TestCollector> {
  const ownDb = !db;
  const database = db ?? (await openTestDatabase());
  await migrate(database);
  const fullConfig = testConfig(config);
  const collector = createApp({ db: database, config: fullConfig, log: silentLog, ...deps });
  if ((await collector.accounts.users.count()) === 0) await collector.accounts.users.add({ ...OWNER, role: 'owner' });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: collector.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...collector,
    origin,
    db: database,
    config: fullConfig,
    request: (path, init) => fetch(`${origin}${path}`, { redirect: 'manual', ...init }),
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (ownDb) await database.close();
    },
  };
}

/** Signs in through `POST /signin` as a browser on the app's own page would; returns the Cookie header to send. */
export async function signIn(collector: Pick<TestCollector, 'origin' | 'request'>, { email, password } = OWNER): Promise<string> {
  const response = await collector.request('/signin', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: collector.origin },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  return sessionCookieOf(response);
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieOf(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => /hearback_session=/.test(line));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0];
}

/** Headers of a same-origin, signed-in browser request. */
export const asBrowser = (collector: Pick<TestCollector, 'origin'>, cookie: string, extra: Record<string, string> = {}) =>
  ({ cookie, origin: collector.origin, ...extra });

let counter = 0;
/** A valid answer (payload v1) with a fresh id; `overrides` replace fields. */
export function answer(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    v: 1, id: `test-${Date.now().toString(36)}-${counter}`, survey: 'after-checkout', type: 'csat', score: 4, scale: [1, 5],
    locale: 'en', url: 'https://shop.example/checkout/done', answeredAt: '2026-11-23T10:00:00.000Z', sdk: 'hearback/0.1.0',
    ...overrides,
  };
}

export const scales = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;
