import type { Logger } from '../common/log';
import { dataBoundsProblem, maxDataDepth } from './data-bounds';

/**
 * The plain data of a value a page hands us for an answer — `track` props, `show`'s `context`,
 * `identify` traits: strings, finite numbers, booleans, null, lists and plain objects; a `Date`
 * becomes its ISO string. Functions, DOM nodes, class instances, symbols and getters that throw are
 * left out, each named in one console warning so the developer sees why a key is missing. When the
 * result is over the answer's bounds (5 levels, 4,096 bytes as JSON) nothing is kept, and the
 * warning says so: a partial context would be worse than none.
 */
export function plainContext(value: unknown, what: string, log: Logger): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    log.warn(`${what} must be an object of plain values; ignored (got ${typeof value})`);
    return undefined;
  }
  const dropped: string[] = [];
  let tooDeep = false;
  const copy = (item: unknown, path: string, depth: number): unknown => {
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return item;
    if (typeof item === 'number') return Number.isFinite(item) ? item : drop(path);
    if (item instanceof Date) return Number.isNaN(item.getTime()) ? drop(path) : item.toISOString();
    if (Array.isArray(item) || isPlainObject(item)) {
      if (depth >= maxDataDepth) return (tooDeep = true), undefined;
      if (Array.isArray(item)) return item.map((each, i) => copy(each, `${path}[${i}]`, depth + 1));
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(item)) {
        if (key === '__proto__') continue;
        let field: unknown;
        try {
          field = (item as Record<string, unknown>)[key];
        } catch {
          drop(path ? `${path}.${key}` : key);
          continue;
        }
        const kept = copy(field, path ? `${path}.${key}` : key, depth + 1);
        if (kept !== undefined) out[key] = kept;
      }
      return out;
    }
    return item === undefined ? undefined : drop(path);
  };
  const drop = (path: string) => void dropped.push(path);

  const result = copy(value, '', 0) as Record<string, unknown>;
  if (dropped.length) log.warn(`${what}: left out ${dropped.join(', ')} (not plain data: only strings, numbers, booleans, null, lists and plain objects go into an answer)`);
  const problem = tooDeep ? `must be nested at most ${maxDataDepth} levels deep` : dataBoundsProblem(result);
  if (problem) {
    log.warn(`${what} not attached to the answer: it ${problem}`);
    return undefined;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
