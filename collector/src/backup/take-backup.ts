import type { Writable } from 'node:stream';
import type { Database, Queryable } from '../db/database';
import { appVersion, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type BackupHeader, type BackupRecord } from './backup-format';
import { quoted, readSchemaPlan } from './backup-tables';

/** Rows per batch read from a table (and later inserted together). */
const BATCH = 500;

/**
 * Writes a consistent copy of the database to `out` (an object-mode stream of `BackupRecord`s),
 * then ends it. Everything is read in one read-only REPEATABLE READ transaction: on PostgreSQL a
 * snapshot that answers arriving meanwhile do not change; on PGlite the transaction holds its one
 * connection, so the running app's queries wait for it and none interleave. Needs no pg_dump.
 * Resolves with the header it wrote.
 */
export async function takeBackup(db: Database, out: Writable, { now = () => new Date() }: { now?: () => Date } = {}): Promise<BackupHeader> {
  try {
    const header = await db.transaction(async (tx) => {
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const header = await readHeader(db, tx, now());
      await send(out, { kind: 'header', header });
      let total = 0;
      for (const table of header.tables) {
        const columns = table.columns.map(quoted).join(', ');
        await tx.exec(`DECLARE hearback_backup NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS row FROM (SELECT ${columns} FROM ${quoted(table.name)}) r`);
        for (;;) {
          const { rows } = await tx.query<{ row: string }>(`FETCH ${BATCH} FROM hearback_backup`);
          if (rows.length === 0) break;
          total += rows.length;
          await send(out, { kind: 'rows', table: table.name, rows: rows.map((r) => r.row) });
        }
        await tx.exec('CLOSE hearback_backup');
      }
      await send(out, { kind: 'end', rows: total });
      return header;
    });
    out.end();
    return header;
  } catch (error) {
    out.destroy(error as Error);
    throw error;
  }
}

async function readHeader(db: Database, tx: Queryable, takenAt: Date): Promise<BackupHeader> {
  const plan = await readSchemaPlan(tx);
  const { rows: migrations } = await tx.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
  const tables = [];
  for (const table of plan.tables) {
    const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoted(table.name)}`);
    tables.push({ ...table, rows: Number(rows[0].n) });
  }
  const sequences = [];
  for (const name of plan.sequences) {
    const { rows } = await tx.query<{ last_value: number; is_called: boolean }>(`SELECT last_value, is_called FROM ${quoted(name)}`);
    sequences.push({ name, lastValue: Number(rows[0].last_value), isCalled: rows[0].is_called === true });
  }
  return {
    format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, app: appVersion(), engine: db.kind, takenAt: takenAt.toISOString(),
    migrations: migrations.map((m) => ({ version: Number(m.version), name: String(m.name) })), tables, sequences,
  };
}

/** Writes one record, waiting while the reader is behind; throws if the reader has gone. */
async function send(out: Writable, record: BackupRecord): Promise<void> {
  if (out.destroyed) throw new BackupError('the backup\'s destination closed before the backup was complete');
  if (out.write(record)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain).off('close', onClose).off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new BackupError('the backup\'s destination closed before the backup was complete'));
    out.on('drain', onDrain).on('close', onClose).on('error', done);
  });
}
