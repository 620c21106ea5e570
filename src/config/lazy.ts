/**
 * Builds a value on first use and keeps it. Schemas are built this way so that loading the bundle
 * does no work at module scope (STYLE rule 6): the work belongs to `init`, not the script's first task.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
