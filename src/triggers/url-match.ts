import type { Trigger, UrlPattern } from '../config/trigger-schema';

type UrlRule = NonNullable<Trigger['url']>;
type Place = Pick<Location, 'origin' | 'pathname' | 'search'>;

/**
 * Whether `trigger.url` holds for a location. Include patterns: any may match (none listed = all
 * pages); exclude patterns: none may match. Paths compare without a trailing slash ("/a/" = "/a"),
 * regexes test path + query, patterns starting with "http" compare against origin + path.
 */
export function matchesUrl(rule: UrlRule, place: Place): boolean {
  const { include, exclude } = Array.isArray(rule) || !isLists(rule) ? { include: [rule].flat(), exclude: [] } : rule;
  const hit = (pattern: UrlPattern) => matchesPattern(pattern, place);
  return (!include?.length || include.some(hit)) && !exclude?.some(hit);
}

function isLists(rule: UrlRule): rule is { include?: UrlPattern[]; exclude?: UrlPattern[] } {
  return typeof rule === 'object' && ('include' in rule || 'exclude' in rule);
}

function matchesPattern(pattern: UrlPattern, place: Place): boolean {
  if (typeof pattern === 'object' && 'regex' in pattern) return new RegExp(pattern.regex).test(place.pathname + place.search);
  const [kind, value] =
    typeof pattern === 'string' ? [pattern.includes('*') ? 'glob' : 'exact', pattern] : Object.entries(pattern)[0];
  const full = (/^https?:/.test(value) ? place.origin : '') + place.pathname;
  if (kind === 'prefix') return full.startsWith(value);
  const path = trimSlash(full);
  const wanted = trimSlash(value);
  if (kind === 'glob') return globToRegExp(wanted).test(path);
  return path === wanted;
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** `*` matches within one path segment, `**` across segments; "/shop/**" also matches "/shop". */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split(/(\/\*\*$|\*\*|\*)/)
    .map((part) => (part === '/**' ? '(?:/.*)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp('^' + source + '$');
}
