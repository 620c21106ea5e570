import type { Logger } from '../common/log';
import type { KeyValueStore } from '../storage/key-value-store';
import { recordKey, type OutboxRecord } from './outbox-record';
import type { RecordCache } from './record-cache';

/** How long a tab's claim on a record holds if it dies mid-send (longer than the transport timeout). */
const leaseMs = 30_000;

export interface LeaseDeps {
  records: RecordCache;
  store: KeyValueStore;
  log: Logger;
  tab: string;
  now(): number;
  /** `navigator.locks`, or `undefined` to rely on the per-record lease alone. */
  locks: LockManager | undefined;
}

/**
 * One tab sends at a time. With Web Locks, the tab holding the `hearback-outbox` lock drains and
 * the others skip; without them (or when they fail), each record carries a lease: a tab writes its
 * claim, reads it back, and sends only if its own claim survived.
 */
export function createLeases(deps: LeaseDeps) {
  const { records, store, log, tab, now } = deps;
  let locks = deps.locks;

  return {
    /** True while Web Locks keep tabs apart (then no record needs a lease). */
    usingLocks: () => !!locks,

    /** This tab's claim on `record`, as it would be written. */
    leased: (record: OutboxRecord): OutboxRecord => ({ ...record, lease: { tab, until: now() + leaseMs } }),

    /**
     * Runs `work` unless another tab holds the outbox lock. Resolves `false` when another tab
     * drains (look again later), `true` when `work` ran.
     */
    async alone(work: () => Promise<void>): Promise<boolean> {
      if (locks) {
        try {
          let ran = false;
          await locks.request('hearback-outbox', { ifAvailable: true }, async (lock) => {
            if (!lock) return;
            ran = true;
            await work();
          });
          return ran;
        } catch (error) {
          log.debug(`Web Locks unusable (${String(error)}); using leases`);
          locks = undefined;
        }
      }
      await work();
      return true;
    },

    /**
     * Without Web Locks: write a lease, read it back, go on only if ours survived. `free` says
     * whether the stored record may still be sent. With Web Locks the record goes as it is.
     */
    async claim(record: OutboxRecord, free: (stored: OutboxRecord) => boolean): Promise<OutboxRecord | undefined> {
      if (locks) return record;
      const { id } = record.answer;
      return (await records.serial(id, async () => {
        const stored = await records.read(id);
        if (!stored || stored.rev !== record.rev || !free(stored)) return undefined;
        const leased = { ...stored, lease: { tab, until: now() + leaseMs } };
        await store.set(recordKey(id), leased);
        // Two tabs may both have read it free: the last write wins and only its writer goes on.
        return (await records.read(id))?.lease?.tab === tab ? leased : undefined;
      })) || undefined;
    },
  };
}

export type Leases = ReturnType<typeof createLeases>;
