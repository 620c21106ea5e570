/**
 * The one persistence seam: the outbox and the rules' state both live behind it, in one
 * IndexedDB store (`createStore('hearback', …)`) or, when IndexedDB is missing or failing, in memory.
 * Implementations never reject for storage faults they can recover from; they degrade to memory.
 */
export interface KeyValueStore {
  readonly kind: 'indexeddb' | 'memory';
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`, in key order. */
  entries<T = unknown>(prefix: string): Promise<Array<[string, T]>>;
}
