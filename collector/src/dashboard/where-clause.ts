import type { Filters } from './filters';

/** SQL conditions with their `$n` parameters; `add` numbers each new parameter. */
export interface Conditions {
  sql: string;
  params: unknown[];
}

/**
 * The WHERE clause for `filters` over `responses` (aliased `alias`), in SQL that PGlite and
 * PostgreSQL both run. Days are the shop's days: `'2026-11-23'::date::timestamp AT TIME ZONE zone`
 * is that day's local midnight as an instant, so an index on `answered_at` still serves the range.
 * `params` holds earlier parameters (the new ones are numbered after them). `dateColumn` is the
 * instant the dates apply to (`answered_at`; the cases' `opened_at`, which is the same instant).
 */
export function whereClause(filters: Filters, timeZone: string, { alias = 'r', dateColumn = 'answered_at', extra = [] as string[], params = [] as unknown[] } = {}): Conditions {
  const all = [...params];
  const conditions = [...extra];
  const param = (value: unknown) => `$${all.push(value)}`;
  const column = (name: string) => `${alias}.${name}`;
  conditions.push(...dayRangeConditions(column(dateColumn), filters, timeZone, param));
  if (filters.survey) conditions.push(`${column('survey')} = ${param(filters.survey)}`);
  if (filters.type) conditions.push(`${column('type')} = ${param(filters.type)}`);
  if (filters.language) {
    const language = param(filters.language.toLowerCase());
    conditions.push(`(lower(${column('locale')}) = ${language} OR lower(${column('locale')}) LIKE ${language} || '-%')`);
  }
  for (const [key, value] of Object.entries(filters.context)) conditions.push(`${column('context')} ->> ${param(key)} = ${param(value)}`);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params: all };
}

/**
 * `column` within the shop's days `from`–`to` (both included, either may be left out), as
 * conditions that an index on `column` serves; `param` numbers each parameter.
 */
export function dayRangeConditions(column: string, { from, to }: { from?: string; to?: string }, timeZone: string, param: (value: unknown) => string): string[] {
  if (!from && !to) return [];
  const zone = param(timeZone);
  return [
    ...(from ? [`${column} >= (${param(from)}::date::timestamp AT TIME ZONE ${zone}::text)`] : []),
    ...(to ? [`${column} < ((${param(to)}::date + 1)::timestamp AT TIME ZONE ${zone}::text)`] : []),
  ];
}
