import type { KeyValueStore } from '../storage/key-value-store';
import { toJson } from '../payload/to-json';
import type { Leases } from './leases';
import { recordKey, type OutboxRecord } from './outbox-record';
import type { OutboxEmit } from './outbox-types';
import type { OutboxHealth, RecordCache } from './record-cache';
import { decide, type DeliveryOutcome } from './retry-policy';
import type { Transport } from './transport';

export interface DeliverDeps {
  records: RecordCache;
  leases: Leases;
  store: KeyValueStore;
  transport: Transport;
  emit: OutboxEmit;
  health: OutboxHealth;
  now(): number;
  random(): number;
  changed(): void;
  /** The endpoint refused this site's origin (403): the answer is kept; tell the owner how to fix it. */
  refusedOrigin(id: string): void;
}

/**
 * Sends one record and acts on what the endpoint said: delivered (2xx, 409) or refused (4xx other
 * than 403) removes it, with a `sent` or `error` event; a failure, or a 403 (this site is not
 * allowed yet), keeps it with the next attempt's time (backoff or `Retry-After`) and pauses
 * delivery until then. An answer amended while it was in
 * flight keeps its newer version, which still goes.
 */
export function createDelivery(deps: DeliverDeps) {
  const { records, leases, store, transport, emit, health, now, random } = deps;
  const inflight = new Set<string>();

  async function send(record: OutboxRecord, hiding: boolean): Promise<DeliveryOutcome | undefined> {
    const { id, survey } = record.answer;
    inflight.add(id);
    const leased = leases.leased(record);
    records.announce(id, leased);
    if (hiding && !leases.usingLocks()) void records.serial(id, () => store.set(recordKey(id), leased));
    let outcome: DeliveryOutcome | undefined;
    let status: number | undefined;
    let problem = 'network error';
    try {
      const delivery = await transport.post(toJson(record.answer)!, record.bytes, hiding);
      if (!delivery) return undefined;
      if ('beacon' in delivery) {
        // No reply comes back: keep the answer a minute, then send it again (receivers dedupe on id).
        outcome = { kind: 'retry', delayMs: 60_000 };
      } else {
        status = delivery.status;
        problem = `HTTP ${status}`;
        outcome = decide(status, delivery.retryAfter, record.failures, now(), random);
      }
    } catch (error) {
      problem = `network error (${String(error)})`;
      outcome = decide(undefined, undefined, record.failures, now(), random);
    } finally {
      inflight.delete(id);
    }
    const current = records.get(id);
    const same = current?.rev === record.rev;
    if (outcome.kind === 'retry') {
      if (outcome.refusedOrigin) deps.refusedOrigin(id);
      health.lastError = `${problem}; retrying`;
      health.pausedUntil = now() + outcome.delayMs;
      if (same) await records.put({ ...current!, failures: record.failures + 1, nextAt: health.pausedUntil, lease: undefined, refused: outcome.refusedOrigin });
    } else if (same) {
      // Otherwise it was amended meanwhile (the newer version still goes) or settled by another tab.
      await records.remove(id);
      if (outcome.kind === 'delivered') {
        health.lastError = undefined;
        emit('sent', { id, survey, status: status! });
      } else {
        health.lastError = `answer ${id}: the endpoint refused it (${problem})`;
        emit('error', { kind: 'delivery', id, status, message: `the endpoint refused answer ${id} with ${problem}; it will not be retried` });
      }
    }
    deps.changed();
    return outcome;
  }

  return { send, inflight: (id: string) => inflight.has(id) };
}

export type Delivery = ReturnType<typeof createDelivery>;
