import { del, entries, get, set, type UseStore } from 'idb-keyval';
import type { Logger } from '../common/log';
import { connectDatabase, type Connection } from './connect-database';
import type { KeyValueStore } from './key-value-store';
import { createMemoryStore } from './memory-store';
import { isTimeout, withTimeout } from './with-timeout';

export interface OpenStoreDeps {
  log: Logger;
  /** @default the page's `indexedDB`, if it can be reached */
  indexedDB?: IDBFactory;
  /** How long `open` (and any one operation) may take before we give up on IndexedDB. @default 3000 */
  openTimeoutMs?: number;
}

/**
 * The one store for the outbox and the rules' state: IndexedDB database `hearback`, object store
 * `kv`, opened lazily on first use. Faults never reach callers: IndexedDB missing or blocked
 * (private modes, sandboxed iframes), `open` hanging, quota exceeded, or the connection lost
 * mid-way → reopen once, then switch to memory for the rest of the page, keeping what was given
 * (and copying what IndexedDB can still read). `kind` tells which backend is in use now.
 */
export function openStore({ log, indexedDB, openTimeoutMs = 3000 }: OpenStoreDeps): KeyValueStore {
  let connection: Connection | undefined;
  /** The connection we gave up on; deletes still try it, so a delivered answer is not resent next visit. */
  let stale: Connection | undefined;
  let memory: Promise<KeyValueStore> | undefined;
  let factory: IDBFactory | undefined;
  let looked = false;
  /** On first use, not at init: a page's first read of `indexedDB` sets up its IndexedDB factory. */
  const lookUp = () => {
    if (looked) return;
    looked = true;
    factory = indexedDB ?? findIndexedDB();
    if (!factory) memory = Promise.resolve(createMemoryStore());
  };
  const connect = () => (connection ??= connectDatabase(factory!, 'hearback', 'kv', openTimeoutMs, () => (connection = undefined)));

  const fallBack = (error: unknown, lost: Connection) => {
    stale = lost;
    connection = undefined;
    memory ??= (async () => {
      log.warn(`IndexedDB unavailable (${describe(error)}); answers are kept in memory for this page`);
      const store = createMemoryStore();
      try {
        // Quota errors leave the database readable: carry its records over so none wait a visit.
        if (!isTimeout(error)) for (const [key, value] of await withTimeout(entries(lost.use), openTimeoutMs, 'IndexedDB')) await store.set(String(key), value);
      } catch {
        /* unreadable: the records stay in IndexedDB for a later visit */
      }
      return store;
    })();
  };

  /** Runs `onDatabase`; on a fault reopens once, then answers from memory. */
  async function run<T>(onDatabase: (use: UseStore) => Promise<T>, onMemory: (store: KeyValueStore) => Promise<T>, alsoOnStale?: (use: UseStore) => Promise<unknown>): Promise<T> {
    lookUp();
    for (let attempt = 0; !memory && attempt < 2; attempt++) {
      const current = connect();
      try {
        return await withTimeout(onDatabase(current.use), openTimeoutMs, 'IndexedDB');
      } catch (error) {
        if (attempt === 0 && !isTimeout(error)) {
          log.debug(`IndexedDB failed (${describe(error)}); reopening`);
          current.close();
          if (connection === current) connection = undefined;
          continue;
        }
        fallBack(error, current);
      }
    }
    if (stale && alsoOnStale) alsoOnStale(stale.use).catch(() => undefined);
    return onMemory(await memory!);
  }

  return {
    get kind() {
      lookUp();
      return memory ? 'memory' : 'indexeddb';
    },
    get: <T>(key: string) => run((use) => get<T>(key, use), (store) => store.get<T>(key)),
    set: (key, value) => run((use) => set(key, value, use), (store) => store.set(key, value)),
    delete: (key) => run((use) => del(key, use), (store) => store.delete(key), (use) => del(key, use)),
    entries: <T>(prefix: string) =>
      run(
        async (use) => (await entries<string, T>(use)).filter(([key]) => typeof key === 'string' && key.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1)),
        (store) => store.entries<T>(prefix),
      ),
  };
}

/** Reading `window.indexedDB` throws a SecurityError in sandboxed iframes and some file: pages. */
function findIndexedDB(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}

const describe = (error: unknown) => (error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error));
