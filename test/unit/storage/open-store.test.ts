import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../src/common/log';
import { openStore } from '../../../src/storage/open-store';

const log = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, error: (m) => void lines.push(m), warn: (m) => void lines.push(m), debug: () => undefined };
};

type Fault = 'none' | 'lost-once' | 'lost' | 'quota';

/** A real (fake-indexeddb) factory whose connections fail on demand, the way browsers do. */
function faulty(real = new IDBFactory()) {
  const state = { fault: 'none' as Fault, opens: 0 };
  const factory = {
    open(name: string) {
      state.opens++;
      const request = real.open(name);
      request.addEventListener('success', () => {
        const db = request.result;
        const transaction = db.transaction.bind(db);
        db.transaction = ((stores: string, mode?: IDBTransactionMode) => {
          if (state.fault === 'lost' || state.fault === 'lost-once') {
            if (state.fault === 'lost-once') state.fault = 'none';
            throw new DOMException('Connection to Indexed Database server lost. Refresh the page to try again', 'UnknownError');
          }
          const tx = transaction(stores, mode);
          if (state.fault !== 'quota') return tx;
          // Only writes that grow the database fail; reads and deletes still work.
          const objectStore = tx.objectStore.bind(tx);
          tx.objectStore = (storeName: string) => Object.assign(objectStore(storeName), {
            put: () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); },
          });
          return tx;
        }) as IDBDatabase['transaction'];
      });
      return request;
    },
  } as unknown as IDBFactory;
  return { factory, real, state };
}

afterEach(() => vi.useRealTimers());

describe('openStore on IndexedDB', () => {
  it('stores, lists by prefix in key order, and deletes; data outlives the page (a new store on the same database)', async () => {
    const factory = new IDBFactory();
    const store = openStore({ log: log(), indexedDB: factory });
    expect(store.kind).toBe('indexeddb');
    await store.set('outbox:b', { n: 2 });
    await store.set('outbox:a', { n: 1 });
    await store.set('rules:x', { n: 3 });
    await store.delete('outbox:b');
    const later = openStore({ log: log(), indexedDB: factory });
    expect(await later.entries('outbox:')).toEqual([['outbox:a', { n: 1 }]]);
    expect(await later.get('rules:x')).toEqual({ n: 3 });
    expect(later.kind).toBe('indexeddb');
  });

  it('opens lazily: creating the store touches nothing', () => {
    const { factory, state } = faulty();
    openStore({ log: log(), indexedDB: factory });
    expect(state.opens).toBe(0);
  });
});

describe('openStore faults: never reject, degrade to memory', () => {
  it('IndexedDB missing → memory', async () => {
    const store = openStore({ log: log(), indexedDB: undefined });
    expect(store.kind).toBe('memory');
    await store.set('outbox:a', 1);
    expect(await store.get('outbox:a')).toBe(1);
  });

  it('open throws (sandboxed iframe, old private modes) → memory, and the value given is kept', async () => {
    const factory = { open: () => { throw new DOMException('access denied', 'SecurityError'); } } as unknown as IDBFactory;
    const logger = log();
    const store = openStore({ log: logger, indexedDB: factory });
    await store.set('outbox:a', { kept: true });
    expect(store.kind).toBe('memory');
    expect(await store.entries('outbox:')).toEqual([['outbox:a', { kept: true }]]);
    expect(logger.lines).toEqual([expect.stringContaining('SecurityError')]);
  });

  it('open fails with an error event (Firefox private browsing before 115) → memory', async () => {
    const factory = {
      open() {
        const request = {} as IDBOpenDBRequest & { error: DOMException };
        setTimeout(() => {
          Object.assign(request, { error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') });
          request.onerror?.(new Event('error'));
        }, 0);
        return request;
      },
    } as unknown as IDBFactory;
    const store = openStore({ log: log(), indexedDB: factory });
    await store.set('k', 'v');
    expect(store.kind).toBe('memory');
    expect(await store.get('k')).toBe('v');
  });

  it('open that never settles → memory within 3 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const factory = { open: () => ({}) } as unknown as IDBFactory;
    const store = openStore({ log: log(), indexedDB: factory });
    let done = false;
    const writing = store.set('outbox:a', 1).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(2999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await writing;
    expect(store.kind).toBe('memory');
    expect(await store.get('outbox:a')).toBe(1);
  });

  it('quota exceeded on set → memory, keeping both the new value and what IndexedDB held', async () => {
    const { factory, state } = faulty();
    const store = openStore({ log: log(), indexedDB: factory });
    await store.set('outbox:old', 'from an earlier visit');
    state.fault = 'quota';
    await store.set('outbox:new', 'just given');
    expect(store.kind).toBe('memory');
    expect(await store.entries('outbox:')).toEqual([['outbox:new', 'just given'], ['outbox:old', 'from an earlier visit']]);
  });

  it('after falling back, deletes still reach IndexedDB, so a delivered answer is not resent next visit', async () => {
    const { factory, real, state } = faulty();
    const store = openStore({ log: log(), indexedDB: factory });
    await store.set('outbox:old', 1);
    state.fault = 'quota';
    await store.set('outbox:new', 2);
    await store.delete('outbox:old');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const nextVisit = openStore({ log: log(), indexedDB: real });
    expect(await nextVisit.entries('outbox:')).toEqual([]);
  });

  it('connection lost once (Safari) → reopens and stays on IndexedDB', async () => {
    const { factory, real, state } = faulty();
    const store = openStore({ log: log(), indexedDB: factory });
    await store.set('a', 1);
    state.fault = 'lost-once';
    await store.set('b', 2);
    expect(store.kind).toBe('indexeddb');
    expect(state.opens).toBe(2);
    expect(await openStore({ log: log(), indexedDB: real }).get('b')).toBe(2);
  });

  it('connection lost for good → reopens once, then memory; the value given is kept', async () => {
    const { factory, state } = faulty();
    const store = openStore({ log: log(), indexedDB: factory });
    await store.set('a', 1);
    state.fault = 'lost';
    await store.set('b', 2);
    expect(state.opens).toBe(2);
    expect(store.kind).toBe('memory');
    expect(await store.get('b')).toBe(2);
    await store.set('c', 3);
    expect(state.opens).toBe(2);
  });
});
