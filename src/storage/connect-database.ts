import type { UseStore } from 'idb-keyval';
import { withTimeout } from './with-timeout';

export interface Connection {
  /** idb-keyval's custom-store function over this connection. */
  use: UseStore;
  /** Settles once the database is open (rejects if it never opens). */
  ready: Promise<IDBDatabase>;
  close(): void;
}

/**
 * Opens database `dbName` with one object store, like idb-keyval's `createStore(dbName, storeName)`,
 * but on an injected `IDBFactory` and with a deadline: idb-keyval's own `createStore` reads the global
 * `indexedDB` and waits forever on an `open` that never settles. A connection the browser closes
 * (Safari: "Connection to Indexed Database server lost") is reported through `onLost`.
 */
export function connectDatabase(factory: IDBFactory, dbName: string, storeName: string, timeoutMs: number, onLost: () => void): Connection {
  let closed = false;
  const opening = new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onsuccess = () => {
      const db = request.result;
      db.onclose = onLost;
      // Another tab upgrading the schema must not be blocked by us; we reopen on next use.
      db.onversionchange = () => (db.close(), onLost());
      if (closed) db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
  const ready = withTimeout(opening, timeoutMs, 'IndexedDB open');
  ready.catch(() => (closed = true));
  return {
    ready,
    use: (mode, callback) => ready.then((db) => callback(db.transaction(storeName, mode).objectStore(storeName))),
    close() {
      closed = true;
      opening.then((db) => db.close(), () => undefined);
    },
  };
}
