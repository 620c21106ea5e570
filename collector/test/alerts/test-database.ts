import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createPostgresDatabase } from '../../src/db/postgres-database';
import { openPgliteIn } from '../empty-pglite';

/**
 * Where a suite's data lives, and how to open it again as a new collector would after a restart:
 * a PGlite folder, or a throw-away schema on the PostgreSQL server in DATABASE_URL (the collector's
 * tests run once on each: `collector/scripts/with-postgres.sh` sets DATABASE_URL).
 */
export interface DatabaseKind {
  name: string;
  newPlace(): Promise<string>;
  /** A new connection to the place's data, migrated: a collector starting. */
  open(place: string): Promise<Database>;
  dispose(place: string): Promise<void>;
}

async function migrated(db: Database): Promise<Database> {
  await migrate(db);
  return db;
}

export const pgliteKind: DatabaseKind = {
  name: 'PGlite',
  newPlace: async () => mkdtempSync(join(tmpdir(), 'hearback-alerts-')),
  open: async (dataDir) => migrated(await openPgliteIn(dataDir)),
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

/** PostgreSQL when DATABASE_URL is set, else PGlite: the collector's convention. */
export const databaseKind = process.env.DATABASE_URL ? postgresKind : pgliteKind;
