/**
 * Builds a value on first use and keeps it. Schemas are built this way so that loading the bundle
 * does no work: building the zod schemas costs ~10 ms of main thread (≈ 40 ms on a slow phone),
 * which belongs in `init`, not in the script's first task.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
