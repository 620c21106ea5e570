const DAY = 86_400_000;
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads `survey`, `type`, `from` and `to` from a query string. Dates are `YYYY-MM-DD` (whole UTC
 * days, both ends inclusive) or full ISO timestamps. Returns problems instead of guessing.
 * @param {URLSearchParams} params
 * @returns {{ ok: true, filters: Filters } | { ok: false, problems: string[] }}
 * @typedef {{ survey?: string, type?: string, from?: Date, before?: Date }} Filters
 */
export function parseFilters(params) {
  const problems = [];
  const filters = {};
  const survey = params.get('survey');
  if (survey) filters.survey = survey;
  const type = params.get('type');
  if (type) {
    if (['nps', 'csat', 'ces'].includes(type)) filters.type = type;
    else problems.push(`type must be "nps", "csat" or "ces" (got ${JSON.stringify(type)})`);
  }
  for (const key of ['from', 'to']) {
    const value = params.get(key);
    if (!value) continue;
    const time = Date.parse(dateOnly.test(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(time)) {
      problems.push(`${key} must be a date like 2026-11-23 (got ${JSON.stringify(value)})`);
      continue;
    }
    // `to=2026-11-23` means "up to the end of that day": keep answers before the next midnight.
    if (key === 'from') filters.from = new Date(time);
    else filters.before = new Date(dateOnly.test(value) ? time + DAY : time + 1);
  }
  return problems.length ? { ok: false, problems } : { ok: true, filters };
}

/**
 * The WHERE clause for `filters`, with parameters numbered from `$1`.
 * @param {Filters} filters
 * @param {string[]} [extra] further conditions, already safe SQL
 */
export function whereClause(filters, extra = []) {
  const conditions = [...extra];
  const params = [];
  const add = (sql, value) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filters.survey) add('survey = ?', filters.survey);
  if (filters.type) add('type = ?', filters.type);
  if (filters.from) add('answered_at >= ?', filters.from);
  if (filters.before) add('answered_at < ?', filters.before);
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
