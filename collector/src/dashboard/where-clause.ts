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
 * `params` holds earlier parameters (the new ones are numbered after them).
 */
export function whereClause(filters: Filters, timeZone: string, { alias = 'r', extra = [] as string[], params = [] as unknown[] } = {}): Conditions {
  const all = [...params];
  const conditions = [...extra];
  const param = (value: unknown) => `$${all.push(value)}`;
  const column = (name: string) => `${alias}.${name}`;
  if (filters.from || filters.to) {
    const zone = param(timeZone);
    if (filters.from) conditions.push(`${column('answered_at')} >= (${param(filters.from)}::date::timestamp AT TIME ZONE ${zone}::text)`);
    if (filters.to) conditions.push(`${column('answered_at')} < ((${param(filters.to)}::date + 1)::timestamp AT TIME ZONE ${zone}::text)`);
  }
  if (filters.survey) conditions.push(`${column('survey')} = ${param(filters.survey)}`);
  if (filters.type) conditions.push(`${column('type')} = ${param(filters.type)}`);
  if (filters.language) {
    const language = param(filters.language.toLowerCase());
    conditions.push(`(lower(${column('locale')}) = ${language} OR lower(${column('locale')}) LIKE ${language} || '-%')`);
  }
  for (const [key, value] of Object.entries(filters.context)) conditions.push(`${column('context')} ->> ${param(key)} = ${param(value)}`);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params: all };
}
