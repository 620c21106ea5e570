import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
// @ts-expect-error plain JavaScript modules without declarations
import { listMigrations, migrate } from '../../../demo/db/migrate.mjs';
// @ts-expect-error plain JavaScript modules without declarations
import { createPgliteDatabase } from '../../../demo/db/pglite-database.mjs';
// @ts-expect-error plain JavaScript modules without declarations
import { createPostgresDatabase } from '../../../demo/db/postgres-database.mjs';
import type { AlertDatabase } from '../../src/alerts/database';

const demoMigrations = new URL('../../../demo/db/migrations/', import.meta.url);
const collectorMigrations = new URL('../../migrations/', import.meta.url);

export type TestDatabase = AlertDatabase & { close(): Promise<void> };

/**
 * Where a suite's data lives, and how to open it again as a new collector would after a restart:
 * a PGlite folder, or a throw-away schema on the PostgreSQL server in DATABASE_URL.
 */
export interface DatabaseKind {
  name: string;
  newPlace(): Promise<string>;
  open(place: string): Promise<TestDatabase>;
  dispose(place: string): Promise<void>;
}

async function migrated(db: TestDatabase): Promise<TestDatabase> {
  await migrate(db, [...listMigrations(demoMigrations), ...listMigrations(collectorMigrations)]);
  return db;
}

export const pgliteKind: DatabaseKind = {
  name: 'PGlite',
  newPlace: async () => mkdtempSync(join(tmpdir(), 'hearback-alerts-')),
  open: async (dataDir) => migrated(await createPgliteDatabase({ dataDir })),
  dispose: async (dataDir) => rmSync(dataDir, { recursive: true, force: true }),
};

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let schemas = 0;
export const postgresKind: DatabaseKind = {
  name: 'PostgreSQL',
  async newPlace() {
    const schema = `hearback_alerts_${process.pid}_${Date.now().toString(36)}_${schemas++}`;
    await onServer((client) => client.query(`CREATE SCHEMA ${schema}`));
    return schema;
  },
  open: async (schema) => migrated(await createPostgresDatabase({ connectionString: process.env.DATABASE_URL!, searchPath: schema })),
  dispose: (schema) => onServer(async (client) => void (await client.query(`DROP SCHEMA ${schema} CASCADE`))),
};
