import type { Database, Queryable } from '../db/database';
import { answerColumns, toAnswerRecord, type AnswerRecord } from '../dashboard/answer-record';
import { bandSql } from '../dashboard/band-sql';
import type { Filters } from '../dashboard/filters';
import { whereClause } from '../dashboard/where-clause';
import type { Kinds } from '../stats/score-metrics';
import { canMove, caseTransitions, type CaseState } from './case-states';
import { decodeCaseCursor, encodeCaseCursor } from './case-cursor';

export interface CaseEvent {
  at: string;
  actor: string;
  from?: CaseState;
  to?: CaseState;
  note?: string;
  /** An assignment: the account's email, or '' for "nobody". */
  assignedTo?: string;
}

/** Who looks after a case: an owner or staff account. */
export interface Assignee {
  id: string;
  email: string;
}

/** Whose cases a list shows: the signed-in person's (`me`), nobody's yet (`nobody`), or one account's id. */
export type AssigneeFilter = 'me' | 'nobody' | string;

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
  assignee?: Assignee;
  /** When the customer should have been contacted (the answer's time plus the inbox due hours of Settings → Site). */
  dueAt: string;
  /** Still open after its due time. */
  overdue: boolean;
  answer: AnswerRecord;
  events?: CaseEvent[];
}

export interface CaseFigures {
  total: number;
  open: number;
  contacted: number;
  resolved: number;
  /** Open cases past their due time. */
  overdue: number;
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

function toCase(row: Record<string, unknown>, at: Date): Case {
  const dueAt = iso(row.due_at)!;
  return {
    assignee: row.assignee ? { id: String(row.assignee), email: String(row.assignee_email) } : undefined,
    dueAt, overdue: row.state === 'open' && Date.parse(dueAt) <= at.getTime(),
    id: String(row.response_id), state: row.state as CaseState, openedAt: iso(row.opened_at)!,
    contactedAt: iso(row.contacted_at), contactedBy: (row.contacted_by as string | null) ?? undefined,
    resolvedAt: iso(row.resolved_at), resolvedBy: (row.resolved_by as string | null) ?? undefined,
    note: (row.note as string | null) ?? undefined, updatedAt: iso(row.updated_at)!, answer: toAnswerRecord(row),
  };
}

const caseColumns = 'c.response_id, c.state, c.opened_at, c.contacted_at, c.contacted_by, c.resolved_at, c.resolved_by, c.note, c.updated_at, c.assignee, u.email AS assignee_email, c.due_at';

/**
 * The inbox of cases: list, read, move open → contacted → resolved with who and when, add notes,
 * and the figures for closing the loop. The dashboard's filters narrow cases by their answer.
 */
export function createCaseStore({ db, timeZone, kinds, now = () => new Date() }: { db: Database; timeZone: string; kinds: Kinds; now?: () => Date }) {
  const from = 'FROM cases c JOIN responses r ON r.id = c.response_id LEFT JOIN users u ON u.id = c.assignee';
  const select = (more = '') => `SELECT ${caseColumns}, ${answerColumns()}, ${bandSql(kinds)} AS band${more} ${from}`;

  async function read(tx: Queryable, id: string): Promise<Case | undefined> {
    const { rows } = await tx.query(`${select()} WHERE c.response_id = $1`, [id]);
    if (!rows.length) return undefined;
    const events = await tx.query('SELECT at, actor, from_state, to_state, note, assigned_to FROM case_events WHERE response_id = $1 ORDER BY at, id', [id]);
    return {
      ...toCase(rows[0], now()),
      events: events.rows.map((e) => ({
        at: iso(e.at)!, actor: String(e.actor), from: (e.from_state as CaseState | null) ?? undefined,
        to: (e.to_state as CaseState | null) ?? undefined, note: (e.note as string | null) ?? undefined,
        ...(e.assigned_to === null || e.assigned_to === undefined ? {} : { assignedTo: String(e.assigned_to) }),
      })),
    };
  }

  return {
    /**
     * Cases newest first (by when the customer answered), the `viewer`'s own first; optionally in
     * one state, or one assignee's (`me`: the viewer's), paged by cursor.
     */
    async list(filters: Filters, { state, assignee, viewer, cursor, limit = 25 }: { state?: CaseState; assignee?: AssigneeFilter; viewer?: string; cursor?: string; limit?: number } = {}) {
      const params: unknown[] = [viewer ?? null];
      const mine = '(CASE WHEN c.assignee = $1 THEN 1 ELSE 0 END)';
      const extra: string[] = [];
      if (state) extra.push(`c.state = $${params.push(state)}`);
      if (assignee === 'nobody') extra.push('c.assignee IS NULL');
      else if (assignee) extra.push(`c.assignee = $${params.push(assignee === 'me' ? viewer ?? null : assignee)}`);
      const position = cursor ? decodeCaseCursor(cursor) : undefined;
      if (position) extra.push(`(${mine}, c.opened_at, c.response_id) < ($${params.push(position[0])}::int, $${params.push(position[1])}::timestamptz, $${params.push(position[2])})`);
      const w = whereClause(filters, timeZone, { extra, params });
      const { rows } = await db.query(`${select(`, ${mine} AS mine`)} ${w.sql} ORDER BY ${mine} DESC, c.opened_at DESC, c.response_id DESC LIMIT ${limit + 1}`, w.params);
      const at = now();
      const items = rows.slice(0, limit).map((row) => toCase(row, at));
      const last = items[items.length - 1];
      const lastMine = Number(rows[limit - 1]?.mine) === 1 ? 1 : 0;
      return { items, ...(rows.length > limit && last ? { nextCursor: encodeCaseCursor([lastMine, last.openedAt, last.id]) } : {}) };
    },

    /** Open cases nobody has taken yet: the count beside the inbox in the menu. */
    async newCount(): Promise<number> {
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE state = 'open' AND assignee IS NULL");
      return Number(rows[0].n);
    },

    /**
     * Gives a case to an account (`null`: to nobody), recorded in its history with who did it.
     * 404 without the case; 400 when the account does not exist.
     */
    async assign(id: string, assignee: string | null, actor: string): Promise<MoveResult | { ok: false; status: 400; problem: string }> {
      return db.transaction(async (tx) => {
        const account = assignee === null ? null : (await tx.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [assignee])).rows[0];
        if (account === undefined) return { ok: false, status: 400, problem: `assignee: no account has the id ${JSON.stringify(assignee)}; give one of GET /api/cases/assignees, or "" for nobody` } as const;
        const at = now();
        const { rows } = await tx.query('UPDATE cases SET assignee = $2, updated_at = $3 WHERE response_id = $1 RETURNING response_id', [id, assignee, at]);
        if (!rows.length) return { ok: false, status: 404, problem: `no case for answer ${id}` } as const;
        await tx.query('INSERT INTO case_events (response_id, at, actor, assigned_to) VALUES ($1, $2, $3, $4)', [id, at, actor, account?.email ?? '']);
        return { ok: true, case: (await read(tx, id))! } as const;
      });
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
      // answers without reading a single answer (from its index cases_figures alone), and the median
      // is the middle one or two of the closed cases in the order of index cases_close_seconds (an
      // index-only scan that stops halfway), not a sort of all of them. Other filters join the
      // answers and sort: date_part's float8 seconds (extract() gives numeric, twice as slow to sort).
      const datesOnly = !filters.survey && !filters.type && !filters.language && !Object.keys(filters.context).length;
      // With no dates at all, a condition every case meets (opened_at is NOT NULL) lets the planner
      // read those narrow indexes instead of the whole table.
      const everyCase = filters.from || filters.to ? [] : ["c.opened_at >= '-infinity'"];
      const w = datesOnly ? whereClause({ from: filters.from, to: filters.to, context: {} }, timeZone, { alias: 'c', dateColumn: 'opened_at', extra: everyCase }) : whereClause(filters, timeZone);
      const at = `$${w.params.length + 1}::timestamptz`;
      const seconds = "date_part('epoch', c.resolved_at - c.opened_at)";
      const counts = `SELECT count(*)::int AS total,
           count(*) FILTER (WHERE c.state = 'open')::int AS open,
           count(*) FILTER (WHERE c.state = 'contacted')::int AS contacted,
           count(*) FILTER (WHERE c.state = 'resolved')::int AS resolved,
           count(*) FILTER (WHERE c.state = 'open' AND c.due_at <= ${at})::int AS overdue,
           count(*) FILTER (WHERE c.state = 'resolved' AND c.resolved_at IS NOT NULL)::int AS timed`;
      const closed = w.sql ? `${w.sql} AND c.state = 'resolved'` : "WHERE c.state = 'resolved'";
      const { rows } = await db.query<{ total: number; open: number; contacted: number; resolved: number; overdue: number; median_seconds: number | null }>(
        datesOnly
          // The median of the n closed cases with a close time: the mean of the middle one (n odd)
          // or two (n even), as percentile_cont(0.5), which also leaves out a missing time (sorted last).
          ? `WITH counts AS (${counts} FROM cases c ${w.sql})
             SELECT counts.*, (SELECT avg(middle.s) FROM (SELECT ${seconds} AS s FROM cases c ${closed} ORDER BY ${seconds}
                 OFFSET (SELECT (timed - 1) / 2 FROM counts) LIMIT (SELECT 2 - timed % 2 FROM counts)) AS middle) AS median_seconds
             FROM counts`
          : `${counts},
               percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE c.state = 'resolved') AS median_seconds
             FROM cases c JOIN responses r ON r.id = c.response_id ${w.sql}`,
        [...w.params, now().toISOString()],
      );
      const { total, open, contacted, resolved, overdue, median_seconds } = rows[0];
      return {
        total, open, contacted, resolved, overdue,
        closedShare: total ? (100 * resolved) / total : null,
        medianHoursToClose: median_seconds === null ? null : Number(median_seconds) / 3600,
      };
    },
  };
}

export type CaseStore = ReturnType<typeof createCaseStore>;
