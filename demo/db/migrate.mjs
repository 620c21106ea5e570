import { readdirSync, readFileSync } from 'node:fs';

const migrationsDir = new URL('./migrations/', import.meta.url);
// Any constant works; it keeps two collectors starting at once from migrating twice.
const MIGRATION_LOCK = 4_242_001;

/** The numbered SQL files, in order: `001-responses.sql` → { version: 1, name: 'responses' }. */
export function listMigrations(dir = migrationsDir) {
  return readdirSync(dir)
    .filter((file) => /^\d+-[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.split('-')[0]), name: file.replace(/^\d+-|\.sql$/g, ''), sql: readFileSync(new URL(file, dir), 'utf8') }));
}

/**
 * Brings the schema up to date on start: applies, in one transaction, each migration not yet in
 * `schema_migrations`. Returns the versions it applied.
 * @param {import('./database-types.mjs').Database} db
 */
export async function migrate(db, migrations = listMigrations()) {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied = [];
    for (const migration of migrations.filter((m) => !done.has(m.version))) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
