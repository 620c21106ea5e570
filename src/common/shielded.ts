import type * as z from 'zod/mini';

/**
 * Runs `work` with the host page's enumerable keys on `Object.prototype` (MooTools-era code assigns
 * methods straight onto it) made non-enumerable, and puts them back after. zod walks objects with
 * `for…in`, which also yields inherited enumerable keys: building a schema then fails inside zod,
 * and parsing would read those keys as the input's own. `work` is synchronous, so the page never
 * sees the change; on a clean page this is one empty `for…in`.
 */
export function shielded<T>(work: () => T): T {
  const hidden: Array<[string, PropertyDescriptor]> = [];
  for (const key in Object.prototype) {
    const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, key);
    if (descriptor?.configurable) hidden.push([key, descriptor]);
  }
  for (const [key, descriptor] of hidden) Object.defineProperty(Object.prototype, key, { ...descriptor, enumerable: false });
  try {
    return work();
  } finally {
    for (const [key, descriptor] of hidden) Object.defineProperty(Object.prototype, key, descriptor);
  }
}

/** `schema.safeParse(value)`, shielded from the host page's changes to `Object.prototype`. */
export function safeParse<S extends z.ZodMiniType>(schema: S, value: unknown): z.core.util.SafeParseResult<z.output<S>> {
  return shielded(() => schema.safeParse(value)) as z.core.util.SafeParseResult<z.output<S>>;
}
