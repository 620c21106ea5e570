import { readdirSync, readFileSync } from 'node:fs';
import { packageDir } from '../package-dir';
import type { Database } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * `collector/migrations/`, found from the source (`src/db/`) and from the build (`dist/`) alike.
 * Numbers are owned by feature: core 001–019, dashboard and inbox 020–039, alerts 040–059,
 * survey links 060–079, password resets and backups 140–149.
 */
export const migrationsDir = `${packageDir}migrations`;

// Any constant works; it keeps two collectors starting at once from migrating twice.
const MIGRATION_LOCK = 4_242_001;

/** The numbered SQL files, in order: `001-responses.sql` → { version: 1, name: 'responses' }. */
export function listMigrations(dir = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d+-[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.split('-')[0]), name: file.replace(/^\d+-|\.sql$/g, ''), sql: readFileSync(`${dir}/${file}`, 'utf8') }));
  const seen = new Map<number, string>();
  for (const { version, name } of migrations) {
    if (seen.has(version)) throw new Error(`migrations ${seen.get(version)} and ${name} share the number ${version}`);
    seen.set(version, name);
  }
  return migrations;
}

/**
 * Brings the schema up to date: applies, in one transaction, each migration not yet recorded in
 * `schema_migrations`, in order. Returns the versions it applied (empty when up to date).
 */
export async function migrate(db: Database, migrations: Migration[] = listMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.version))) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
