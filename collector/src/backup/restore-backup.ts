import type { Database, Queryable } from '../db/database';
import { listMigrations, migrate, type Migration } from '../db/migrate';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type BackupHeader, type BackupRecord } from './backup-format';
import { quoted, readSchemaPlan, type SchemaPlan } from './backup-tables';

/**
 * Tables that hold rows in a database nobody has used yet (the settings counter a migration
 * seeds, the first-start setup link, the survey links' look, the link-signing key a migration
 * makes): they do not make it "in use". The backup's own rows replace them, so links printed
 * before the backup keep their signatures.
 */
const PRESENT_WHEN_EMPTY = new Set(['settings_version', 'setup_links', 'site_settings', 'link_signing_key']);

export interface RestoreSummary {
  header: BackupHeader;
  /** Rows written, by table. */
  rows: Record<string, number>;
  /** Migrations applied after the restore (the backup was older than this app). */
  migratedAfter: number[];
}

/**
 * Restores a backup (`records`: header, rows, end) into `db`, which must be empty — no people,
 * answers, settings or anything else a shop put in; otherwise it refuses before writing. Brings
 * the schema to the backup's migrations first, writes every row and the sequences in one
 * transaction (a bad or cut-short backup leaves the database as it was), then applies the
 * migrations this app has that the backup predates.
 */
export async function restoreBackup(db: Database, records: AsyncIterable<BackupRecord>, { migrations = listMigrations() }: { migrations?: Migration[] } = {}): Promise<RestoreSummary> {
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value.kind !== 'header') throw new BackupError('it does not start with a hearback-collector backup header');
  const header = checkHeader(first.value.header, migrations);
  const inBackup = new Set(header.migrations.map((m) => m.version));
  await migrate(db, migrations.filter((m) => inBackup.has(m.version)));
  const rows: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const plan = await readSchemaPlan(tx);
    await refuseUnlessEmpty(tx, plan);
    const targets = matchTables(header, plan);
    for (const table of [...plan.tables].reverse()) await tx.query(`DELETE FROM ${quoted(table.name)}`);
    let end: number | undefined;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const record = next.value;
      if (end !== undefined) throw new BackupError('it has data after its end mark');
      if (record.kind === 'end') end = record.rows;
      else if (record.kind === 'rows') {
        const insert = targets.get(record.table);
        if (!insert) throw new BackupError(`it has rows for table ${record.table}, which its header does not list`);
        await tx.query(insert, [`[${record.rows.join(',')}]`]);
        rows[record.table] = (rows[record.table] ?? 0) + record.rows.length;
      } else throw new BackupError('it has a second header');
    }
    const written = Object.values(rows).reduce((sum, n) => sum + n, 0);
    if (end === undefined) throw new BackupError(`it is cut short: ${written} rows, then no end mark (was the backup interrupted?)`);
    const wrong = header.tables.filter((table) => (rows[table.name] ?? 0) !== table.rows);
    if (wrong.length || end !== written) {
      throw new BackupError(`its rows do not match its header (${wrong.map((t) => `${t.name}: ${rows[t.name] ?? 0} of ${t.rows}`).join(', ') || `${written} of ${end}`})`);
    }
    const sequences = new Set(plan.sequences);
    for (const sequence of header.sequences.filter((s) => sequences.has(s.name))) {
      await tx.query('SELECT setval($1::regclass, $2, $3)', [quoted(sequence.name), sequence.lastValue, sequence.isCalled]);
    }
  });
  const migratedAfter = await migrate(db, migrations);
  return { header, rows, migratedAfter };
}

function checkHeader(header: BackupHeader, migrations: Migration[]): BackupHeader {
  if (header?.format !== BACKUP_FORMAT) throw new BackupError('it is not a hearback-collector backup (its header names no such format)');
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`it is in backup format ${header.formatVersion}; this hearback-collector reads format ${BACKUP_FORMAT_VERSION} (use the version that took it, ${header.app})`);
  }
  const known = new Set(migrations.map((m) => m.version));
  const unknown = header.migrations.filter((m) => !known.has(m.version));
  if (unknown.length) {
    throw new BackupError(`it was taken by a newer hearback-collector (${header.app}) whose schema has ${unknown.map((m) => `${m.version}-${m.name}`).join(', ')}; upgrade this one first`);
  }
  return header;
}

async function refuseUnlessEmpty(tx: Queryable, plan: SchemaPlan): Promise<void> {
  const used: string[] = [];
  for (const { name } of plan.tables.filter((t) => !PRESENT_WHEN_EMPTY.has(t.name))) {
    const { rows } = await tx.query(`SELECT 1 FROM ${quoted(name)} LIMIT 1`);
    if (rows.length) used.push(name);
  }
  if (used.length) {
    throw new BackupError(`the database is not empty (it has ${used.join(', ')}); restore only into a new, empty database — nothing was changed`);
  }
}

/** The INSERT for each of the backup's tables: its columns, from a JSON array of rows, identity values as they were. */
function matchTables(header: BackupHeader, plan: SchemaPlan): Map<string, string> {
  const here = new Map(plan.tables.map((t) => [t.name, new Set(t.columns)]));
  const inserts = new Map<string, string>();
  for (const table of header.tables) {
    const columns = here.get(table.name);
    if (!columns) throw new BackupError(`it has a table ${table.name} that this database does not`);
    const missing = table.columns.filter((c) => !columns.has(c));
    if (missing.length) throw new BackupError(`its table ${table.name} has columns this database does not: ${missing.join(', ')}`);
    const list = table.columns.map(quoted).join(', ');
    inserts.set(table.name, `INSERT INTO ${quoted(table.name)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quoted(table.name)}, $1::json)`);
  }
  return inserts;
}
