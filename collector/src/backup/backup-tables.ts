import type { Queryable } from '../db/database';

/**
 * Tables a backup leaves out: the migration list travels in the header instead, sign-ins start
 * afresh after a restore (password reset links with them), and the dashboard's daily rollups are
 * rebuilt from the answers by the rollup job; rate-limit counters (PostgreSQL) are a minute's state, not data. Everything else in the schema — including tables
 * later migrations add — is kept.
 */
export const TABLES_NOT_KEPT = new Set(['schema_migrations', 'sessions', 'password_resets', 'rollup_days', 'rollup_scores', 'rate_limits']);

export interface TablePlan {
  name: string;
  /** Columns a backup carries and a restore writes: every stored column (generated ones are computed). */
  columns: string[];
}

export interface SchemaPlan {
  /** Kept tables, each after the tables its foreign keys point at. */
  tables: TablePlan[];
  /** Sequences (identity and serial columns'), by name. */
  sequences: string[];
}

/** Double-quotes an identifier for SQL. */
export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Reads the current schema's tables, columns and sequences from the catalog (the same on PGlite
 * and PostgreSQL), so a table a later migration adds is backed up without a change here.
 */
export async function readSchemaPlan(db: Queryable): Promise<SchemaPlan> {
  const { rows: columns } = await db.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`);
  const { rows: links } = await db.query<{ from: string; to: string }>(
    `SELECT f.relname AS from, t.relname AS to
     FROM pg_constraint k JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = f.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`);
  const { rows: sequences } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`);
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    if (TABLES_NOT_KEPT.has(table)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  const order = dependencyOrder([...byTable.keys()].sort(), links);
  return { tables: order.map((name) => ({ name, columns: byTable.get(name)! })), sequences: sequences.map((s) => s.name) };
}

/** `names` with every table after the tables it references (a reference to itself is ignored). */
function dependencyOrder(names: string[], links: { from: string; to: string }[]): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const link of links) if (link.from === name && link.to !== name && names.includes(link.to)) visit(link.to, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}
