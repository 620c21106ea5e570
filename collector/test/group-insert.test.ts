// Group commit: answers that arrive while one group is being stored go together in one statement,
// each stored once, with the rows their hooks write (a detractor's case) only when stored; a
// repeat is said to exist; a second of one id in a group and answers planned under old settings
// are left to the careful path; one bad row does not fail the others. On PGlite, or (with
// DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { caseWrite } from '../src/inbox/open-case';
import { answerColumns, createGroupInsert, type PlainAnswerRow } from '../src/responses/group-insert';
import { databaseKind, openTestDatabase } from './harness';

const run = Math.random().toString(36).slice(2, 8);
function row(n: number, overrides: Partial<Record<(typeof answerColumns)[number][0], unknown>> = {}, settingsVersion = 0): PlainAnswerRow {
  const id = `group-${run}-${n}`;
  const fields: Record<string, unknown> = {
    id, survey: 'group', type: 'nps', score: n % 11, scale_min: 0, scale_max: 10, comment: n % 3 ? null : `ok ${n}`,
    reasons: n % 4 ? null : JSON.stringify(['Fast']), contact: false, mode: null, locale: 'th', url: 'https://shop.example/',
    answered_at: '2026-12-01T10:00:00.000Z', user_id: null, user_data: null, context: JSON.stringify({ branch: 'Siam', n }),
    sdk: 'hearback/0.1.0', payload: JSON.stringify({ id }), key_hash: null, ...overrides,
  };
  return { id: String(fields.id), values: answerColumns.map(([name]) => fields[name]), settingsVersion };
}

describe(`group insert (${databaseKind})`, () => {
  let db: Database;
  let statements = 0;
  let version = 0;
  beforeAll(async () => {
    const opened = await openTestDatabase();
    await migrate(opened);
    version = Number((await opened.query<{ version: number }>('SELECT version FROM settings_version')).rows[0].version);
    // Counts the statements that reach the database.
    db = { ...opened, query: (sql, params) => (statements++, opened.query(sql, params)) };
  }, 60_000);
  afterAll(() => db?.close());

  it('stores 120 answers arriving together in a few statements, each once, with every column as given', async () => {
    const insert = createGroupInsert(db, { groups: 1, maxGroup: 50 });
    statements = 0;
    const rows = Array.from({ length: 120 }, (_, n) => row(n, {}, version));
    const outcomes = await Promise.all(rows.map((one) => insert.store(one)));
    expect(outcomes.every((one) => one === 'stored')).toBe(true);
    expect(statements).toBeLessThanOrEqual(4); // 1 + 50 + 50 + 19, not 120
    const stored = await db.query<{ id: string; score: number; comment: string | null; reasons: string[] | null; context: { n: number }; answered_at: Date }>(
      `SELECT id, score, comment, reasons, context, answered_at FROM responses WHERE survey = 'group' ORDER BY context->>'n'`,
    );
    expect(stored.rows).toHaveLength(120);
    const seven = stored.rows.find((one) => one.context.n === 12)!;
    expect(seven).toMatchObject({ id: `group-${run}-12`, score: 1, comment: 'ok 12', reasons: ['Fast'] });
    expect(new Date(seven.answered_at).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('says an id already stored exists, and leaves to the careful path a second of the same id in one group and answers planned under older settings', async () => {
    const insert = createGroupInsert(db);
    const fresh = row(1000, {}, version);
    const [again, first, twin, stale] = await Promise.all([
      insert.store(row(5, {}, version)), insert.store(fresh), insert.store(fresh), insert.store(row(1001, {}, version - 1)),
    ]);
    expect([again, first, twin, stale]).toEqual(['exists', 'stored', 'careful', 'careful']);
    const { rows } = await db.query<{ id: string }>('SELECT id FROM responses WHERE id = ANY($1)', [[fresh.id, `group-${run}-1001`]]);
    expect(rows.map((one) => one.id)).toEqual([fresh.id]);
  });

  it('fails only the answer a statement refuses, not the others of its group', async () => {
    const insert = createGroupInsert(db, { groups: 1 });
    const outcomes = await Promise.allSettled([insert.store(row(2000, {}, version)), insert.store(row(2001, { type: 'stars' }, version)), insert.store(row(2002, {}, version))]);
    expect(outcomes.map((one) => one.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes.filter((one) => one.status === 'fulfilled').map((one) => one.value)).toEqual(['stored', 'stored']);
  });

  it('writes a hook\'s grouped row (a case) in the same statement, only for the answers it stored', async () => {
    const insert = createGroupInsert(db, { groups: 1 });
    const caseOf = (one: PlainAnswerRow, due: string) => ({ ...one, rows: [{ write: caseWrite, values: [one.id, '2026-12-01T10:00:00.000Z', due, null] }] });
    const unhappy = [row(3000, {}, version), row(3001, {}, version)].map((one) => caseOf(one, '2026-12-03T10:00:00.000Z'));
    const happy = row(3002, {}, version);
    // A repeat of an answer stored earlier (without a case): its case row must not be written.
    const repeat = caseOf(row(7, {}, version), '2026-12-09T10:00:00.000Z');
    statements = 0;
    const outcomes = await Promise.all([...unhappy, happy, repeat].map((one) => insert.store(one)));
    expect(outcomes).toEqual(['stored', 'stored', 'stored', 'exists']);
    expect(statements).toBe(1);
    const { rows } = await db.query<{ response_id: string; state: string; due_at: Date }>(
      'SELECT response_id, state, due_at FROM cases WHERE response_id = ANY($1) ORDER BY response_id', [[...unhappy, happy, repeat].map((one) => one.id)]);
    expect(rows.map((one) => [one.response_id, one.state, new Date(one.due_at).toISOString()])).toEqual(unhappy.map((one) => [one.id, 'open', '2026-12-03T10:00:00.000Z']));
    // Planned under older settings: neither the answer nor its case.
    const stale = caseOf(row(3003, {}, version - 1), '2026-12-03T10:00:00.000Z');
    expect(await insert.store(stale)).toBe('careful');
    expect((await db.query('SELECT 1 FROM cases WHERE response_id = $1', [stale.id])).rows).toHaveLength(0);
  });
});
