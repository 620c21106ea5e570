import type { Queryable } from '../db/database';
import type { Kinds } from '../stats/score-metrics';
import { answerColumns, toAnswerRecord, type AnswerRecord } from './answer-record';
import { bandSql } from './band-sql';
import type { Filters } from './filters';
import { whereClause } from './where-clause';

export interface ExportResult {
  records: AnswerRecord[];
  /** More answers match than `limit`: the export holds the newest `limit` of `total`. */
  truncated: boolean;
  total: number;
  limit: number;
}

/** The answers for an export, newest first, at most `limit`, saying when there were more. */
export function createExportQuery({ db, timeZone, kinds }: { db: Queryable; timeZone: string; kinds: Kinds }) {
  return async function exportAnswers(filters: Filters, limit: number): Promise<ExportResult> {
    const w = whereClause(filters, timeZone);
    const { rows } = await db.query(
      `SELECT ${answerColumns()}, ${bandSql(kinds)} AS band FROM responses r ${w.sql} ORDER BY r.answered_at DESC, r.id DESC LIMIT ${limit + 1}`,
      w.params,
    );
    const truncated = rows.length > limit;
    const total = truncated ? (await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM responses r ${w.sql}`, w.params)).rows[0].total : rows.length;
    return { records: rows.slice(0, limit).map(toAnswerRecord), truncated, total, limit };
  };
}
