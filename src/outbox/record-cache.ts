import { safeParse } from '../common/shielded';
import type { Logger } from '../common/log';
import type { KeyValueStore } from '../storage/key-value-store';
import { overLimits, type OutboxLimits } from './limits';
import { byAge, leasedElsewhere, outboxRecordSchema, recordKey, type OutboxRecord } from './outbox-record';
import type { OutboxEmit } from './outbox-types';
import { openTabChannel } from './tab-channel';

/** What the parts of the outbox share about its health: the last problem, and a pause after a failure. */
export interface OutboxHealth {
  lastError?: string;
  /** No delivery attempt before this time (ms): the network or the endpoint just failed. */
  pausedUntil: number;
}

export interface RecordCacheDeps {
  store: KeyValueStore;
  emit: OutboxEmit;
  log: Logger;
  window: Window | undefined;
  /** This page's id: its holds and leases. */
  tab: string;
  now(): number;
  limits: OutboxLimits;
  health: OutboxHealth;
  /** Called when another tab changed a record. */
  changed(): void;
}

/**
 * The queued answers: records in the store under `outbox:<id>`, and this tab's copy of them (the
 * page-hide path cannot wait for IndexedDB), kept current across tabs by a BroadcastChannel. Writes
 * for one answer run in order, so an acknowledgement never deletes before the write lands. Records
 * are read back through their schema: anything else in the store is dropped.
 */
export function createRecordCache(deps: RecordCacheDeps) {
  const { store, emit, log, tab, now, limits, health } = deps;
  const cache = new Map<string, OutboxRecord>();
  const chains = new Map<string, Promise<unknown>>();

  const serial = <T>(id: string, work: () => Promise<T>): Promise<T | void> => {
    const result = (chains.get(id) ?? Promise.resolve()).then(work).catch((error) => {
      health.lastError = `storage: ${String(error)}`;
      log.error(`could not store answer ${id}: ${String(error)}`);
    });
    chains.set(id, result);
    void result.then(() => chains.get(id) === result && chains.delete(id));
    return result;
  };

  const channel = openTabChannel(deps.window, (id, raw) => {
    const parsed = safeParse(outboxRecordSchema(), raw);
    if (parsed.success && parsed.data.answer.id === id) cache.set(id, { ...(cache.get(id) ?? parsed.data), lease: parsed.data.lease });
    else if (raw === null) cache.delete(id);
    deps.changed();
  });

  /** Held by this page for its follow-up, until `heldUntil`. */
  const heldHere = (record: OutboxRecord) => record.heldBy === tab && (record.heldUntil ?? 0) > now();

  const records = {
    get: (id: string) => cache.get(id),
    all: () => [...cache.values()],
    get size() {
      return cache.size;
    },
    heldHere,
    /** Answers waiting for the network: not a score that only waits for its follow-up. */
    waiting: () => records.all().filter((record) => !heldHere(record)).length,
    serial,
    /** Tells the other tabs a record's state without writing it (this tab is sending it). */
    announce: (id: string, record: OutboxRecord) => channel.post(id, record),

    put(record: OutboxRecord) {
      const { id } = record.answer;
      cache.set(id, record);
      channel.post(id, record);
      return serial(id, () => store.set(recordKey(id), record));
    },

    remove(id: string) {
      cache.delete(id);
      channel.post(id);
      return serial(id, () => store.delete(recordKey(id)));
    },

    /** The record as the store has it now (not the cache). */
    async read(id: string) {
      const parsed = safeParse(outboxRecordSchema(), await store.get(recordKey(id)));
      return parsed.success ? parsed.data : undefined;
    },

    /** Reads the store into the cache: drops unreadable records, then expired and evicted ones; oldest first. */
    async load() {
      const fresh = new Map<string, OutboxRecord>();
      for (const [key, raw] of await store.entries('outbox:')) {
        const parsed = safeParse(outboxRecordSchema(), raw);
        if (parsed.success && recordKey(parsed.data.answer.id) === key) fresh.set(parsed.data.answer.id, parsed.data);
        else {
          log.warn(`dropped an unreadable queued answer (${key})`);
          await store.delete(key);
        }
      }
      for (const [id, record] of cache) {
        const stored = fresh.get(id);
        // A lease another tab announced on the channel is newer than what the store says.
        if (stored && !stored.lease && leasedElsewhere(record, tab, now())) fresh.set(id, { ...stored, lease: record.lease });
      }
      // Writes still under way here are newer than what was read.
      for (const id of chains.keys()) {
        const mine = cache.get(id);
        if (mine) fresh.set(id, mine);
        else fresh.delete(id);
      }
      cache.clear();
      fresh.forEach((record, id) => cache.set(id, record));
      await records.enforceLimits();
      return records.all().sort(byAge);
    },

    /** Drops what is past the TTL or over the limits (never `keep`, the answer just given), each reported. */
    async enforceLimits(keep?: string) {
      const { expired, evicted } = overLimits(records.all(), limits, now(), keep);
      for (const [gone, kind] of [[expired, 'expired'], [evicted, 'evicted']] as const) {
        for (const { answer } of gone) {
          await records.remove(answer.id);
          emit('error', {
            kind,
            id: answer.id,
            message: kind === 'expired'
              ? `answer ${answer.id} was not delivered within ${Math.round(limits.ttlMs / 864e5)} days and was dropped`
              : `the outbox is full (${limits.maxCount} answers, ${limits.maxBytes} bytes): the oldest answer ${answer.id} was dropped`,
          });
        }
      }
    },

    close: () => channel.close(),
  };
  return records;
}

export type RecordCache = ReturnType<typeof createRecordCache>;
