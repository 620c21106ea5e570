import type { Context } from 'hono';
import type { AppEnv, FeatureDeps } from '../app-env';
import { parseFilters, type Filters } from './filters';

/**
 * The dashboard's filters from a request's query string, in the shop's time zone: the filters, or
 * the problems to answer 400 with. Without `range`, `from` or `to` every date is included.
 */
export function requestFilters(c: Context<AppEnv>, { config, now }: Pick<FeatureDeps, 'config' | 'now'>): { ok: true; filters: Filters; params: URLSearchParams } | { ok: false; problems: string[] } {
  const params = new URL(c.req.url).searchParams;
  const parsed = parseFilters(params, { now: now(), timeZone: config.timezone, defaultRange: 'all' });
  return parsed.ok ? { ...parsed, params } : parsed;
}
