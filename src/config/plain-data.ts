/**
 * Copies options into plain data: objects become null-prototype-free plain objects without
 * `__proto__`, `constructor` or `prototype` keys (so nothing we merge can pollute Object.prototype),
 * functions and cycles are dropped. Depth is bounded so a hostile object cannot hang the page.
 */
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

export function toPlainData(value: unknown, depth = 0, seen = new Set<object>()): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (depth > 12 || seen.has(value)) return undefined;
  seen.add(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    copy = value.map((item) => toPlainData(item, depth + 1, seen));
  } else {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (!forbidden.has(key)) object[key] = toPlainData((value as Record<string, unknown>)[key], depth + 1, seen);
    }
    copy = object;
  }
  seen.delete(value);
  return copy;
}
