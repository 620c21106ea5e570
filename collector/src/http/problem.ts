import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error shape of every JSON route: `{ problems: string[] }`, each a sentence saying which
 * field was wrong, what it was and what is allowed.
 */
export function problem(c: Context, status: ContentfulStatusCode, problems: string | string[], headers: Record<string, string> = {}) {
  return c.json({ problems: Array.isArray(problems) ? problems : [problems] }, status, { 'cache-control': 'no-store', ...headers });
}
