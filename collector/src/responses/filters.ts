import type { SurveyType } from './survey-types';
import { surveyTypes } from './survey-types';

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A bound of a date filter: a whole day in the shop's time zone, or an exact instant. */
export type Bound = { day: string } | { instant: Date };

export interface Filters {
  survey?: string;
  type?: SurveyType;
  /** From the start of this day (or this instant). */
  from?: Bound;
  /** Up to the end of this day (or this instant), inclusive. */
  to?: Bound;
}

/**
 * Reads `survey`, `type`, `from` and `to` from a query string. Dates are `YYYY-MM-DD` (whole days
 * in the shop's time zone, both ends inclusive) or full ISO timestamps. Returns problems instead
 * of guessing.
 */
export function parseFilters(params: URLSearchParams): { ok: true; filters: Filters } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const filters: Filters = {};
  const survey = params.get('survey');
  if (survey) filters.survey = survey;
  const type = params.get('type');
  if (type) {
    if ((surveyTypes as readonly string[]).includes(type)) filters.type = type as SurveyType;
    else problems.push(`type must be ${surveyTypes.map((t) => `"${t}"`).join(', ')} (got ${JSON.stringify(type)})`);
  }
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (!value) continue;
    const time = Date.parse(dateOnly.test(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(time)) problems.push(`${key} must be a date like 2026-11-23 or an ISO timestamp (got ${JSON.stringify(value)})`);
    else filters[key] = dateOnly.test(value) ? { day: value } : { instant: new Date(time) };
  }
  return problems.length ? { ok: false, problems } : { ok: true, filters };
}

/**
 * The WHERE clause for `filters`, with parameters numbered from `$1`. Days are turned into instants
 * by the database, in `timezone` (an IANA name checked at start), so daylight-saving days are right.
 */
export function whereClause(filters: Filters, timezone: string, extra: string[] = []): { sql: string; params: unknown[] } {
  const conditions = [...extra];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.survey) conditions.push(`survey = ${param(filters.survey)}`);
  if (filters.type) conditions.push(`type = ${param(filters.type)}`);
  if (filters.from) {
    conditions.push('day' in filters.from
      ? `answered_at >= (${param(filters.from.day)}::date::timestamp AT TIME ZONE ${param(timezone)})`
      : `answered_at >= ${param(filters.from.instant)}`);
  }
  if (filters.to) {
    conditions.push('day' in filters.to
      ? `answered_at < ((${param(filters.to.day)}::date + 1)::timestamp AT TIME ZONE ${param(timezone)})`
      : `answered_at <= ${param(filters.to.instant)}`);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
