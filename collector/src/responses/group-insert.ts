import DataLoader from 'dataloader';
import type { Database } from '../db/database';
import { isDatabaseUnavailable } from '../db/database-unavailable';

/** The stored columns of an answer, in the order `values` gives them, with their SQL types. */
export const answerColumns = [
  ['id', 'text'], ['survey', 'text'], ['type', 'text'], ['score', 'integer'], ['scale_min', 'integer'], ['scale_max', 'integer'],
  ['comment', 'text'], ['reasons', 'jsonb'], ['contact', 'boolean'], ['mode', 'text'], ['locale', 'text'], ['url', 'text'],
  ['answered_at', 'timestamptz'], ['user_id', 'text'], ['user_data', 'jsonb'], ['context', 'jsonb'], ['sdk', 'text'],
  ['payload', 'jsonb'], ['key_hash', 'text'], ['contact_via', 'jsonb'],
] as const;

export const answerColumnNames = answerColumns.map(([name]) => name).join(', ');

/** One answer for the group insert: its column values (in `answerColumns` order) and the settings version its plan was made under. */
export interface PlainAnswerRow {
  id: string;
  values: readonly unknown[];
  settingsVersion: number;
}

// One statement for any number of answers (one array per column): one prepared statement, one
// commit. Stored only while the settings are the ones the plans were made under.
const insertMany = `INSERT INTO responses (${answerColumnNames})
  SELECT * FROM unnest(${answerColumns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
  WHERE (SELECT version FROM settings_version) = $${answerColumns.length + 1}
  ON CONFLICT (id) DO NOTHING RETURNING id`;

/**
 * Group commit for the answers no hook writes for (most of them): while one group is being
 * stored, the answers that arrive meanwhile wait and then go together in one statement and one
 * commit, instead of a statement and a commit each — the commit (PGlite writing its files,
 * PostgreSQL's round trip and WAL flush) is most of an answer's cost. An answer alone is stored at
 * once (after the current turn of the event loop), so an idle collector adds no delay.
 *
 * `store(row)` resolves true when the answer was stored, false when it was not: its `id` was already
 * there, it repeats an `id` of its own group, or the settings moved since its plan (the caller then
 * takes the careful path). `groups` is how many groups may be in flight at once (PGlite runs one
 * statement at a time; PostgreSQL has a pool). Batching is DataLoader's (`batchScheduleFn` holds a
 * group back until a slot is free).
 */
export function createGroupInsert(db: Database, { groups = db.kind === 'postgres' ? 4 : 1, maxGroup = 200 }: { groups?: number; maxGroup?: number } = {}) {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) setImmediate(next);
    else inFlight--;
  };
  const storeRows = async (rows: readonly PlainAnswerRow[], version: number): Promise<Set<string>> => {
    const columns = answerColumns.map((_, column) => rows.map((row) => row.values[column]));
    const { rows: stored } = await db.query<{ id: string }>(insertMany, [...columns, version]);
    return new Set(stored.map((row) => row.id));
  };
  const storeGroup = async (rows: readonly PlainAnswerRow[]): Promise<(boolean | Error)[]> => {
    try {
      // The first of each id goes in; a second in the same group is a repeat for the careful path.
      const first = rows.map((row, at) => rows.findIndex((other) => other.id === row.id) === at);
      const firsts = rows.filter((_, at) => first[at]);
      const stored = new Set<string>();
      for (const version of new Set(firsts.map((row) => row.settingsVersion))) {
        try {
          for (const id of await storeRows(firsts.filter((row) => row.settingsVersion === version), version)) stored.add(id);
        } catch (error) {
          if (isDatabaseUnavailable(error) || firsts.length === 1) throw error;
          // A statement that fails for one answer must not fail the others: each on its own (those
          // of an earlier settings version are stored already).
          return Promise.all(rows.map((row, at) => (first[at] && !stored.has(row.id)
            ? storeRows([row], row.settingsVersion).then((ids) => ids.has(row.id), (failed: unknown) => (failed instanceof Error ? failed : new Error(String(failed))))
            : first[at])));
        }
      }
      return rows.map((row, at) => first[at] && stored.has(row.id));
    } finally {
      release();
    }
  };
  const loader = new DataLoader<PlainAnswerRow, boolean>(storeGroup, {
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
