/**
 * `JSON.stringify` for plain data (what an answer is), deaf to what a host page did to built-ins:
 * a `toJSON` on `Array.prototype` (Prototype.js turns `[1, 5]` into the string `"[1, 5]"`) or on
 * `Object.prototype` is never called, and only own enumerable keys are written. Values JSON cannot
 * hold are left out of objects and written as `null` in lists, as `JSON.stringify` does. The data
 * is bounded (the answer's limits), so recursion is shallow.
 */
export function toJson(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value); // a primitive: no toJSON is consulted
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'object') return undefined;
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) parts.push(toJson(value[i]) ?? 'null');
    return '[' + parts.join(',') + ']';
  }
  for (const key of Object.keys(value)) {
    const item = toJson((value as Record<string, unknown>)[key]);
    if (item !== undefined) parts.push(JSON.stringify(key) + ':' + item);
  }
  return '{' + parts.join(',') + '}';
}
