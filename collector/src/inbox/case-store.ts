import type { Database, Queryable } from '../db/database';
import { answerColumns, toAnswerRecord, type AnswerRecord } from '../dashboard/answer-record';
import { bandSql } from '../dashboard/band-sql';
import { decodeCursor, encodeCursor } from '../dashboard/comments-query';
import type { Filters } from '../dashboard/filters';
import { whereClause } from '../dashboard/where-clause';
import type { Kinds } from '../stats/score-metrics';
import { canMove, caseTransitions, type CaseState } from './case-states';

export interface CaseEvent {
  at: string;
  actor: string;
  from?: CaseState;
  to?: CaseState;
  note?: string;
}

export interface Case {
  id: string;
  state: CaseState;
  openedAt: string;
  contactedAt?: string;
  contactedBy?: string;
  resolvedAt?: string;
  resolvedBy?: string;
  note?: string;
  updatedAt: string;
  answer: AnswerRecord;
  events?: CaseEvent[];
}

export interface CaseFigures {
  total: number;
  open: number;
  contacted: number;
  resolved: number;
  /** Resolved cases as a share of all cases in the filters, 0–100; null without cases. */
  closedShare: number | null;
  /** Median time from the answer to its case's resolution, in hours; null with none resolved. */
  medianHoursToClose: number | null;
}

/** The columns a move sets: the new step's who and when; going back to open clears the step undone. */
function stateChanges(from: CaseState, to: CaseState, at: Date, actor: string, note?: string): Record<string, unknown> {
  const changes: Record<string, unknown> = { state: to, updated_at: at };
  if (to === 'contacted') Object.assign(changes, { contacted_at: at, contacted_by: actor });
  if (to === 'resolved') Object.assign(changes, { resolved_at: at, resolved_by: actor });
  if (to === 'open') Object.assign(changes, from === 'resolved' ? { resolved_at: null, resolved_by: null } : { contacted_at: null, contacted_by: null });
  if (note) changes.note = note;
  return changes;
}

/** `UPDATE cases SET …` for column names of this module (never user input) and their values. */
function updateStatement(id: string, changes: Record<string, unknown>): [string, unknown[]] {
  const columns = Object.keys(changes);
  return [`UPDATE cases SET ${columns.map((column, i) => `${column} = $${i + 2}`).join(', ')} WHERE response_id = $1`, [id, ...Object.values(changes)]];
}

export type MoveResult = { ok: true; case: Case } | { ok: false; status: 404 | 409; problem: string };

const iso = (value: unknown) => (value === null || value === undefined ? undefined : (value instanceof Date ? value : new Date(String(value))).toISOString());

function toCase(row: Record<string, unknown>): Case {
  return {
    id: String(row.response_id), state: row.state as CaseState, openedAt: iso(row.opened_at)!,
    contactedAt: iso(row.contacted_at), contactedBy: (row.contacted_by as string | null) ?? undefined,
    resolvedAt: iso(row.resolved_at), resolvedBy: (row.resolved_by as string | null) ?? undefined,
    note: (row.note as string | null) ?? undefined, updatedAt: iso(row.updated_at)!, answer: toAnswerRecord(row),
  };
}

const caseColumns = 'c.response_id, c.state, c.opened_at, c.contacted_at, c.contacted_by, c.resolved_at, c.resolved_by, c.note, c.updated_at';

/**
 * The inbox of cases: list, read, move open → contacted → resolved with who and when, add notes,
 * and the figures for closing the loop. The dashboard's filters narrow cases by their answer.
 */
export function createCaseStore({ db, timeZone, kinds, now = () => new Date() }: { db: Database; timeZone: string; kinds: Kinds; now?: () => Date }) {
  const select = `SELECT ${caseColumns}, ${answerColumns()}, ${bandSql(kinds)} AS band FROM cases c JOIN responses r ON r.id = c.response_id`;

  async function read(tx: Queryable, id: string): Promise<Case | undefined> {
    const { rows } = await tx.query(`${select} WHERE c.response_id = $1`, [id]);
    if (!rows.length) return undefined;
    const events = await tx.query('SELECT at, actor, from_state, to_state, note FROM case_events WHERE response_id = $1 ORDER BY at, id', [id]);
    return {
      ...toCase(rows[0]),
      events: events.rows.map((e) => ({
        at: iso(e.at)!, actor: String(e.actor), from: (e.from_state as CaseState | null) ?? undefined,
        to: (e.to_state as CaseState | null) ?? undefined, note: (e.note as string | null) ?? undefined,
      })),
    };
  }

  return {
    /** Cases newest first (by when the customer answered), optionally in one state, paged by cursor. */
    async list(filters: Filters, { state, cursor, limit = 25 }: { state?: CaseState; cursor?: string; limit?: number } = {}) {
      const extra: string[] = [];
      const params: unknown[] = [];
      if (state) extra.push(`c.state = $${params.push(state)}`);
      const position = cursor ? decodeCursor(cursor) : undefined;
      if (position) extra.push(`(c.opened_at, c.response_id) < ($${params.push(position[0])}::timestamptz, $${params.push(position[1])})`);
      const w = whereClause(filters, timeZone, { extra, params });
      const { rows } = await db.query(`${select} ${w.sql} ORDER BY c.opened_at DESC, c.response_id DESC LIMIT ${limit + 1}`, w.params);
      const items = rows.slice(0, limit).map(toCase);
      const last = items[items.length - 1];
      return { items, ...(rows.length > limit && last ? { nextCursor: encodeCursor(last.openedAt, last.id) } : {}) };
    },

    get: (id: string) => read(db, id),

    /** Moves a case to `to`, recording who and when (and an optional note) in one transaction. */
    async move(id: string, to: CaseState, actor: string, note?: string): Promise<MoveResult> {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ state: CaseState }>('SELECT state FROM cases WHERE response_id = $1 FOR UPDATE', [id]);
        if (!rows.length) return { ok: false, status: 404, problem: `no case for answer ${id}` };
        const from = rows[0].state;
        if (!canMove(from, to)) {
          return { ok: false, status: 409, problem: `state: a ${from} case can move to ${caseTransitions[from].join(' or ')}, not to ${to}` };
        }
        const at = now();
        await tx.query(...updateStatement(id, stateChanges(from, to, at, actor, note)));
        await tx.query('INSERT INTO case_events (response_id, at, actor, from_state, to_state, note) VALUES ($1, $2, $3, $4, $5, $6)', [id, at, actor, from, to, note ?? null]);
        return { ok: true, case: (await read(tx, id))! };
      });
    },

    /** Adds a note without changing the state. */
    async addNote(id: string, actor: string, note: string): Promise<MoveResult> {
      return db.transaction(async (tx) => {
        const at = now();
        const { rows } = await tx.query('UPDATE cases SET note = $2, updated_at = $3 WHERE response_id = $1 RETURNING response_id', [id, note, at]);
        if (!rows.length) return { ok: false, status: 404, problem: `no case for answer ${id}` };
        await tx.query('INSERT INTO case_events (response_id, at, actor, note) VALUES ($1, $2, $3, $4)', [id, at, actor, note]);
        return { ok: true, case: (await read(tx, id))! };
      });
    },

    /** How many cases are in each state, the share closed and the median time to close. */
    async figures(filters: Filters): Promise<CaseFigures> {
      // A case opens at its answer's time (`opened_at`): filtered by dates alone, the cases table
      // answers without reading a single answer.
      const datesOnly = !filters.survey && !filters.type && !filters.language && !Object.keys(filters.context).length;
      const w = datesOnly ? whereClause({ from: filters.from, to: filters.to, context: {} }, timeZone, { alias: 'c', dateColumn: 'opened_at' }) : whereClause(filters, timeZone);
      const { rows } = await db.query<{ total: number; open: number; contacted: number; resolved: number; median_seconds: number | null }>(
        `SELECT count(*)::int AS total,
           count(*) FILTER (WHERE c.state = 'open')::int AS open,
           count(*) FILTER (WHERE c.state = 'contacted')::int AS contacted,
           count(*) FILTER (WHERE c.state = 'resolved')::int AS resolved,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.opened_at))
             FILTER (WHERE c.state = 'resolved') AS median_seconds
         FROM cases c ${datesOnly ? '' : 'JOIN responses r ON r.id = c.response_id'} ${w.sql}`,
        w.params,
      );
      const { total, open, contacted, resolved, median_seconds } = rows[0];
      return {
        total, open, contacted, resolved,
        closedShare: total ? (100 * resolved) / total : null,
        medianHoursToClose: median_seconds === null ? null : Number(median_seconds) / 3600,
      };
    },
  };
}

export type CaseStore = ReturnType<typeof createCaseStore>;
