import type { Queryable } from '../db/database';
import type { Kinds } from '../stats/score-metrics';
import { answerColumns, toAnswerRecord, type AnswerRecord } from './answer-record';
import { bandSql } from './band-sql';
import type { Filters } from './filters';
import { whereClause } from './where-clause';

export interface CommentsPage {
  items: AnswerRecord[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  /** Matching comments in all pages, counted on the first page only, up to `COUNT_LIMIT`. */
  total?: number;
  /** More than `total` match (the count stopped there). */
  totalIsAtLeast?: true;
}

export interface CommentsQuery {
  search?: string;
  band?: 'detractor' | 'passive' | 'promoter';
  /** Only answers that chose this reason chip (as configured). */
  reason?: string;
  cursor?: string;
  limit?: number;
}

/** Counting stops here: "more than 1,000 comments" is all a reader needs, and it stays quick. */
export const COUNT_LIMIT = 1_000;

/** `%`, `_` and `\` match themselves in the search (ILIKE's default escape is the backslash). */
const likePattern = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const encodeCursor = (answeredAt: string, id: string) => Buffer.from(JSON.stringify([answeredAt, id])).toString('base64url');

/** The cursor's position, or undefined when it is not one this API gave out. */
export function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) return [value[0], value[1]];
  } catch {
    // not base64url JSON: fall through
  }
  return undefined;
}

/**
 * Every comment in the filters, newest first, searched (case-insensitive substring, any script)
 * and paged with a cursor on (answered_at, id), so a page stays right while new answers arrive.
 * A trigram index on `comment` (pg_trgm, where the database has it) serves the search.
 */
export function createCommentsQuery({ db, timeZone, kinds }: { db: Queryable; timeZone: string; kinds: Kinds }) {
  return async function comments(filters: Filters, { search, band, reason, cursor, limit = 25 }: CommentsQuery = {}): Promise<CommentsPage> {
    const extra = ['r.comment IS NOT NULL', "r.comment <> ''"];
    const params: unknown[] = [];
    if (search) extra.push(`r.comment ILIKE $${params.push(likePattern(search))}`);
    if (band) extra.push(`${bandSql(kinds)} = $${params.push(band)}`);
    if (reason) extra.push(`r.reasons @> $${params.push(JSON.stringify([reason]))}::jsonb`);
    const counted = whereClause(filters, timeZone, { extra, params });
    const position = cursor ? decodeCursor(cursor) : undefined;
    const paged = position
      ? whereClause(filters, timeZone, { extra: [...extra, `(r.answered_at, r.id) < ($${params.length + 1}::timestamptz, $${params.length + 2})`], params: [...params, ...position] })
      : counted;
    const [page, total] = await Promise.all([
      db.query(`SELECT ${answerColumns()}, ${bandSql(kinds)} AS band FROM responses r ${paged.sql} ORDER BY r.answered_at DESC, r.id DESC LIMIT ${limit + 1}`, paged.params),
      cursor ? undefined : db.query<{ total: number }>(`SELECT count(*)::int AS total FROM (SELECT 1 FROM responses r ${counted.sql} LIMIT ${COUNT_LIMIT + 1}) AS matches`, counted.params),
    ]);
    const items = page.rows.slice(0, limit).map(toAnswerRecord);
    const last = items[items.length - 1];
    return {
      items,
      ...(page.rows.length > limit && last ? { nextCursor: encodeCursor(last.answeredAt, last.id) } : {}),
      ...(total ? (total.rows[0].total > COUNT_LIMIT ? { total: COUNT_LIMIT, totalIsAtLeast: true as const } : { total: total.rows[0].total }) : {}),
    };
  };
}
