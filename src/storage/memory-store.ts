import type { KeyValueStore } from './key-value-store';

/** A store in memory: the fallback when IndexedDB is unavailable, and the store unit tests use. */
export function createMemoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return {
    kind: 'memory',
    get: async <T>(key: string) => structuredCloneSafe(data.get(key)) as T | undefined,
    set: async (key, value) => void data.set(key, structuredCloneSafe(value)),
    delete: async (key) => void data.delete(key),
    entries: async <T>(prefix: string) =>
      [...data.keys()]
        .filter((key) => key.startsWith(prefix))
        .sort()
        .map((key) => [key, structuredCloneSafe(data.get(key)) as T] as [string, T]),
  };
}

/** Copies like IndexedDB would, so callers cannot mutate stored records by reference. */
function structuredCloneSafe(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
