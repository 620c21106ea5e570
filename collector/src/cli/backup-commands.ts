import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readBackupFile, writeBackupFile } from '../backup/backup-file';
import { BackupError, type BackupHeader } from '../backup/backup-format';
import { moveDatabase } from '../backup/move-database';
import { restoreBackup } from '../backup/restore-backup';
import { takeBackup } from '../backup/take-backup';
import { createPostgresDatabase } from '../db/postgres-database';
import type { Command } from './command';
import { CommandError } from './cli-io';
import { databaseDetails, databaseOptions, databaseUsage, withDatabase } from './database-flags';

/** `responses 34, users 2, …`: the tables that have rows. */
const tally = (rows: Record<string, number>) => Object.entries(rows).filter(([, n]) => n > 0).map(([table, n]) => `${table} ${n}`).join(', ') || 'nothing';
const total = (rows: Record<string, number>) => Object.values(rows).reduce((sum, n) => sum + n, 0);
const headerRows = (header: BackupHeader) => Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));

/** A backup problem as the command's one-line error. */
async function explained<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CommandError(`${name}: ${error.message}`);
    throw error;
  }
}

const keepTheKey = `Alert channels' tokens and passwords stay encrypted in it: the restored app needs the same
HEARBACK_SECRET_KEY to send alerts.`;

export const backupCommand: Command = {
  words: ['backup'],
  positionals: ['<file>'],
  summary: 'Copy everything (answers, cases, people, tokens, alerts, links, settings) into one file.',
  options: { ...databaseOptions },
  usage: databaseUsage,
  details: `One consistent moment, taken in a single read-only transaction: on PostgreSQL while the server
runs (answers arriving meanwhile are simply not in it). PGlite allows one process per folder, so
while the server runs on PGlite, download the backup from Settings instead (the owner's page).
The file is gzip'd JSON lines; an existing file is never overwritten. Sign-ins are not kept and
the dashboard's daily rollups are rebuilt after a restore. Needs no pg_dump.
${keepTheKey}

${databaseDetails}`,
  async run({ values, positionals, io }) {
    const file = resolve(positionals[0]);
    const header = await explained('backup', () => withDatabase(io, values, (db) => writeBackupFile(file, (out) => takeBackup(db, out))));
    const rows = headerRows(header);
    io.stdout.write(`backed up ${total(rows)} rows (${tally(rows)}) to ${file}, ${(statSync(file).size / 1024).toFixed(1)} KB\n`);
    return 0;
  },
};

export const restoreCommand: Command = {
  words: ['restore'],
  positionals: ['<file>'],
  summary: 'Put a backup into a new, empty database (refused when it has anything in it).',
  options: { ...databaseOptions },
  usage: databaseUsage,
  details: `Checks the file first (a cut-short or foreign file is refused), brings the schema to the backup's
version, writes everything in one transaction (on failure the database stays empty), then applies
the migrations this version has that the backup predates. Stop the server first when it uses
PGlite. People sign in again with their passwords; API tokens keep working.
${keepTheKey}

${databaseDetails}`,
  async run({ values, positionals, io }) {
    const file = resolve(positionals[0]);
    const restored = await explained('restore', () => withDatabase(io, values, (db) => restoreBackup(db, readBackupFile(file)), { migrated: false }));
    io.stdout.write(`restored ${total(restored.rows)} rows (${tally(restored.rows)}) from ${file}, taken ${restored.header.takenAt} by hearback-collector ${restored.header.app}${restored.migratedAfter.length ? `; then migrated ${restored.migratedAfter.join(', ')}` : ''}\n`);
    return 0;
  },
};

export const moveCommand: Command = {
  words: ['move'],
  positionals: [],
  summary: 'Copy everything from this database (PGlite) into an empty PostgreSQL database.',
  options: { to: { type: 'string' }, ...databaseOptions },
  usage: `--to postgres://user:password@host:5432/hearback ${databaseUsage}`,
  details: `Streams a backup of the configured database straight into the PostgreSQL database named by --to,
which must be empty; nothing is written to disk and the source is left as it was. Stop the server
first, then start it again with DATABASE_URL set to the --to address.
${keepTheKey}

${databaseDetails}`,
  async run({ values, io }) {
    const to = typeof values.to === 'string' ? values.to.trim() : '';
    if (!/^postgres(ql)?:\/\/[^/]/.test(to)) throw new CommandError(`move: --to must be a PostgreSQL URL like postgres://user:password@host:5432/hearback (got ${to ? JSON.stringify(to) : 'none'})`, 2);
    const shown = new URL(to);
    if (shown.password) shown.password = '***';
    const moved = await explained('move', () => withDatabase(io, values, async (source, { where }) => {
      const target = await createPostgresDatabase({ connectionString: to, max: 2 }).catch((error: Error) => {
        throw new CommandError(`move: cannot connect to ${shown} (${error.message})`);
      });
      try {
        return { where, restored: await moveDatabase(source, target) };
      } finally {
        await target.close();
      }
    }));
    io.stdout.write(`moved ${total(moved.restored.rows)} rows (${tally(moved.restored.rows)}) from ${moved.where} to PostgreSQL ${shown}; the source is unchanged.
Start the collector with DATABASE_URL set to that address (and the same HEARBACK_SECRET_KEY).\n`);
    return 0;
  },
};
