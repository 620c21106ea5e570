import DataLoader from 'dataloader';
import type { GroupedRow, GroupedWrite } from '../answer-hooks';
import type { Database } from '../db/database';
import { isDatabaseUnavailable } from '../db/database-unavailable';

/** The stored columns of an answer, in the order `values` gives them, with their SQL types. */
export const answerColumns = [
  ['id', 'text'], ['survey', 'text'], ['type', 'text'], ['score', 'integer'], ['scale_min', 'integer'], ['scale_max', 'integer'],
  ['comment', 'text'], ['reasons', 'jsonb'], ['contact', 'boolean'], ['mode', 'text'], ['locale', 'text'], ['url', 'text'],
  ['answered_at', 'timestamptz'], ['user_id', 'text'], ['user_data', 'jsonb'], ['context', 'jsonb'], ['sdk', 'text'],
  ['payload', 'jsonb'], ['key_hash', 'text'], ['contact_via', 'jsonb'],
] as const;

/** The names of `[name, type]` columns, as an INSERT lists them. */
const namesOf = (columns: readonly (readonly [string, string])[]) => columns.map(([name]) => name).join(', ');

export const answerColumnNames = namesOf(answerColumns);

/** One answer for the group insert: its column values (in `answerColumns` order), the settings version its plan was made under, and the rows its hooks write with it. */
export interface PlainAnswerRow {
  id: string;
  values: readonly unknown[];
  settingsVersion: number;
  rows?: readonly GroupedRow[];
}

/**
 * What became of an answer in the group: `stored`; `exists` (its id was stored before, and the
 * settings are still those of its plan); `careful` (a second of its id in the group, or the
 * settings moved since its plan): the caller takes the careful path.
 */
export type GroupOutcome = 'stored' | 'exists' | 'careful';

/**
 * One statement for any number of answers (one array per column) and the rows their hooks write,
 * each row only if its answer is stored by this statement: one commit. Answers are stored only
 * while the settings are the ones the plans were made under; a row with a NULL id says they were not.
 */
function groupStatement(writes: readonly GroupedWrite[]): string {
  const arrays = (columns: readonly (readonly [string, string])[], first: number) => columns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ');
  const version = `$${answerColumns.length + 1}`;
  let next = answerColumns.length + 2;
  const companions = writes.map((write, at) => {
    const names = namesOf(write.columns);
    const sql = `, write_${at} AS (INSERT INTO ${write.table} (${names})
      SELECT * FROM unnest(${arrays(write.columns, next)}) AS w(${names}) WHERE w.${write.columns[0][0]} IN (SELECT id FROM stored)
      ON CONFLICT ${write.conflict})`;
    next += write.columns.length;
    return sql;
  });
  return `WITH stored AS (INSERT INTO responses (${answerColumnNames})
      SELECT * FROM unnest(${arrays(answerColumns, 1)})
      WHERE (SELECT version FROM settings_version) = ${version}
      ON CONFLICT (id) DO NOTHING RETURNING id)${companions.join('')}
    SELECT id FROM stored UNION ALL SELECT NULL FROM settings_version WHERE version <> ${version}`;
}

/** One row of `write` in a statement of its own (`$1`…: the values in column order): the hook's careful path. */
export function singleRowStatement(write: GroupedWrite): string {
  return `INSERT INTO ${write.table} (${namesOf(write.columns)})
    VALUES (${write.columns.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT ${write.conflict}`;
}

/**
 * Group commit for the answers whose hooks write nothing, or only a row of a grouped write (a
 * detractor's case): most of them. While one group is being
 * stored, the answers that arrive meanwhile wait and then go together in one statement and one
 * commit, instead of a statement and a commit each — the commit (PGlite writing its files,
 * PostgreSQL's round trip and WAL flush) is most of an answer's cost. An answer alone is stored at
 * once (after the current turn of the event loop), so an idle collector adds no delay.
 *
 * `store(row)` resolves with its `GroupOutcome`. `groups` is how many groups may be in flight at
 * once (PGlite runs one statement at a time; PostgreSQL has a pool). Batching is DataLoader's
 * (`batchScheduleFn` holds a group back until a slot is free).
 */
export function createGroupInsert(db: Database, { groups = db.kind === 'postgres' ? 4 : 1, maxGroup = 200 }: { groups?: number; maxGroup?: number } = {}) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) setImmediate(next);
    else inFlight--;
  };
  const statements = new Map<string, string>();
  /** Stores `rows` (distinct ids, one settings version) in one statement: the ids stored, or `moved` when the settings did. */
  const storeRows = async (rows: readonly PlainAnswerRow[], version: number): Promise<Set<string> | 'moved'> => {
    const writes = [...new Set(rows.flatMap((row) => (row.rows ?? []).map((one) => one.write)))];
    // Everything the statement's text is made of.
    const key = JSON.stringify(writes);
    let sql = statements.get(key);
    if (!sql) statements.set(key, (sql = groupStatement(writes)));
    const params: unknown[] = answerColumns.map((_, column) => rows.map((row) => row.values[column]));
    params.push(version);
    for (const write of writes) {
      const written = rows.flatMap((row) => (row.rows ?? []).filter((one) => one.write === write).map((one) => one.values));
      params.push(...write.columns.map((_, column) => written.map((values) => values[column])));
    }
    const { rows: stored } = await db.query<{ id: string | null }>(sql, params);
    return stored.some((row) => row.id === null) ? 'moved' : new Set(stored.map((row) => row.id!));
  };
  const outcome = (row: PlainAnswerRow, stored: Set<string> | 'moved'): GroupOutcome =>
    (stored === 'moved' ? 'careful' : stored.has(row.id) ? 'stored' : 'exists');
  const storeGroup = async (rows: readonly PlainAnswerRow[]): Promise<(GroupOutcome | Error)[]> => {
    try {
      // The first of each id goes in; a second in the same group is a repeat for the careful path.
      const first = rows.map((row, at) => rows.findIndex((other) => other.id === row.id) === at);
      const firsts = rows.filter((_, at) => first[at]);
      const byId = new Map<string, GroupOutcome>();
      for (const version of new Set(firsts.map((row) => row.settingsVersion))) {
        const mine = firsts.filter((row) => row.settingsVersion === version);
        try {
          const stored = await storeRows(mine, version);
          for (const row of mine) byId.set(row.id, outcome(row, stored));
        } catch (error) {
          if (isDatabaseUnavailable(error) || firsts.length === 1) throw error;
          // A statement that fails for one answer must not fail the others: each on its own (those
          // of an earlier settings version are stored already).
          return Promise.all(rows.map((row, at) => (!first[at] ? 'careful' : byId.get(row.id) ?? storeRows([row], row.settingsVersion).then(
            (stored) => outcome(row, stored),
            (failed: unknown) => (failed instanceof Error ? failed : new Error(String(failed))),
          ))));
        }
      }
      return rows.map((row, at) => (first[at] ? byId.get(row.id)! : 'careful'));
    } finally {
      release();
    }
  };
  const loader = new DataLoader<PlainAnswerRow, GroupOutcome>(storeGroup, {
    cache: false,
    maxBatchSize: maxGroup,
    batchScheduleFn: (dispatch) => {
      if (inFlight < groups) {
        inFlight++;
        setImmediate(dispatch);
      } else waiting.push(dispatch);
    },
  });
  return { store: (row: PlainAnswerRow) => loader.load(row) };
}
