/** The part of a zod issue the receiver reads (zod/mini issues carry more; these are stable). */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

const shown = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return 'a value too deep to show';
  }
  return json.length > 40 ? json.slice(0, 37) + '…' : json;
};

/**
 * Turns schema issues into sentences a person can act on: the field path, what it must be, and
 * what was sent — `score must lie within scale (got 12)`, `type must be "nps", "csat" or "ces"`.
 */
export function describeIssues(issues: readonly SchemaIssue[], body: unknown): string[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'body';
    const got = valueAt(body, issue.path);
    if (got === undefined && issue.path.length) return `${field} is required`;
    return `${field} ${issue.message} (got ${shown(got)})`;
  });
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
