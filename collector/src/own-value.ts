/**
 * `object[key]` when `key` is the object's own property, else `undefined`. For keys that come from
 * a site, a visitor or an owner (context and user keys, rule keys) meeting a lookup table or a
 * parsed object: `labels['constructor']` is otherwise `Object`, `labels['__proto__']` its
 * prototype, and a message built from those breaks its channel for good.
 */
export function ownValue<T>(object: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
