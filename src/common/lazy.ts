import { shielded } from './shielded';

/**
 * Builds a schema on first use and keeps it. Loading the bundle does no work at module scope: the
 * work belongs to the first parse (often later than `init`, when a trigger fires), not the
 * script's first task. Built shielded from the host page's enumerable `Object.prototype` keys.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= shielded(build));
}
