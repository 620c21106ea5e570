// Each part of the outbox on its own: the records and their cache, the leases, the delivery of one
// record, and the wake-up schedule. outbox.test.ts and queue.test.ts test them together.
import { describe, expect, it, vi } from 'vitest';
import { createDelivery } from '../../../src/outbox/deliver';
import { createLeases } from '../../../src/outbox/leases';
import { defaultLimits } from '../../../src/outbox/limits';
import type { OutboxRecord } from '../../../src/outbox/outbox-record';
import { createRecordCache, type OutboxHealth } from '../../../src/outbox/record-cache';
import type { Transport } from '../../../src/outbox/transport';
import { nextWakeMs } from '../../../src/outbox/wake-up';
import { createMemoryStore } from '../../../src/storage/memory-store';
import { makeAnswer, quietLog, recorder } from './helpers';

const t0 = Date.parse('2026-11-23T10:00:00Z');
const record = (fields: Partial<OutboxRecord> = {}): OutboxRecord => ({ answer: makeAnswer(), queuedAt: t0, nextAt: t0, failures: 0, rev: 1, bytes: 300, ...fields });

function cacheOn(store = createMemoryStore(), tab = 'tab-a', clock = { now: t0 }) {
  const events = recorder();
  const health: OutboxHealth = { pausedUntil: 0 };
  const records = createRecordCache({ store, emit: events.emit, log: quietLog(), window: undefined, tab, now: () => clock.now, limits: defaultLimits, health, changed: () => undefined });
  return { records, store, events, health, clock };
}

describe('records and their cache', () => {
  it('writes through to the store, reads back through the schema, and drops what does not parse', async () => {
    const { records, store } = cacheOn();
    const kept = record();
    await records.put(kept);
    await store.set('outbox:junk', { answer: 'not an answer' });
    expect((await records.load()).map((r) => r.answer.id)).toEqual([kept.answer.id]);
    expect(await store.get('outbox:junk')).toBeUndefined();
    await records.remove(kept.answer.id);
    expect(await store.entries('outbox:')).toEqual([]);
  });

  it('counts a score held for its follow-up as not waiting, until its hold ends', async () => {
    const { records, clock } = cacheOn();
    await records.put(record({ heldBy: 'tab-a', heldUntil: t0 + 60_000 }));
    await records.put(record({ heldBy: 'tab-b', heldUntil: t0 + 60_000 }));
    expect(records.waiting()).toBe(1);
    clock.now = t0 + 60_000;
    expect(records.waiting()).toBe(2);
  });
});

describe('leases (no Web Locks)', () => {
  it('of two tabs claiming one record, only the one whose lease survived goes on', async () => {
    const store = createMemoryStore();
    const a = cacheOn(store, 'tab-a');
    const b = cacheOn(store, 'tab-b');
    const shared = record();
    await a.records.put(shared);
    const leasesA = createLeases({ records: a.records, store, log: quietLog(), tab: 'tab-a', now: () => t0, locks: undefined });
    const leasesB = createLeases({ records: b.records, store, log: quietLog(), tab: 'tab-b', now: () => t0, locks: undefined });
    const free = (stored: OutboxRecord) => !stored.lease || stored.lease.until <= t0;
    const claims = await Promise.all([leasesA.claim(shared, free), leasesB.claim(shared, free)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await leasesA.alone(async () => undefined)).toBe(true);
  });

  it('with Web Locks, a tab whose lock is taken does not run', async () => {
    const store = createMemoryStore();
    const { records } = cacheOn(store);
    const locks = { request: vi.fn(async (_name: string, _options: unknown, callback: (lock: null) => Promise<void>) => callback(null)) };
    const leases = createLeases({ records, store, log: quietLog(), tab: 'tab-a', now: () => t0, locks: locks as unknown as LockManager });
    const work = vi.fn(async () => undefined);
    expect(await leases.alone(work)).toBe(false);
    expect(work).not.toHaveBeenCalled();
  });
});

describe('delivery of one record', () => {
  const deliveryWith = (reply: Awaited<ReturnType<Transport['post']>> | Error) => {
    const parts = cacheOn();
    const transport: Transport = { post: vi.fn(async () => { if (reply instanceof Error) throw reply; return reply; }) };
    const leases = createLeases({ records: parts.records, store: parts.store, log: quietLog(), tab: 'tab-a', now: () => t0, locks: undefined });
    const delivery = createDelivery({ ...parts, emit: parts.events.emit, leases, transport, now: () => t0, random: () => 0, changed: () => undefined, refusedOrigin: vi.fn() });
    return { ...parts, delivery, transport };
  };

  it('a 2xx removes it with a sent event; the body is the answer as JSON', async () => {
    const { records, delivery, events, transport } = deliveryWith({ status: 201, retryAfter: null });
    const queued = record();
    await records.put(queued);
    expect(await delivery.send(queued, false)).toEqual({ kind: 'delivered' });
    expect(records.size).toBe(0);
    expect(events.of('sent')).toEqual([{ id: queued.answer.id, survey: 'after-checkout', status: 201 }]);
    expect(transport.post).toHaveBeenCalledWith(JSON.stringify(queued.answer), 300, false);
  });

  it('a 503 keeps it for the next attempt after Retry-After and pauses delivery', async () => {
    const { records, delivery, health } = deliveryWith({ status: 503, retryAfter: '30' });
    const queued = record();
    await records.put(queued);
    expect(await delivery.send(queued, false)).toEqual({ kind: 'retry', delayMs: 30_000 });
    expect(records.get(queued.answer.id)).toMatchObject({ failures: 1, nextAt: t0 + 30_000 });
    expect(health).toEqual({ pausedUntil: t0 + 30_000, lastError: 'HTTP 503; retrying' });
  });

  it('a 400 drops it with a delivery error; a network failure is retried', async () => {
    const refused = deliveryWith({ status: 400, retryAfter: null });
    const queued = record();
    await refused.records.put(queued);
    await refused.delivery.send(queued, false);
    expect(refused.events.of('error')).toMatchObject([{ kind: 'delivery', status: 400 }]);
    const offline = deliveryWith(new TypeError('Failed to fetch'));
    await offline.records.put(queued);
    expect((await offline.delivery.send(queued, false))?.kind).toBe('retry');
    expect(offline.records.size).toBe(1);
  });
});

describe('wake-up schedule', () => {
  const state = { now: t0, tab: 'tab-a', pausedUntil: 0, inflight: () => false, heldHere: (r: OutboxRecord) => r.heldBy === 'tab-a' };

  it('nothing queued: no wake-up; otherwise the earliest due record, within 1 s … 5 min', () => {
    expect(nextWakeMs([], state)).toBeUndefined();
    expect(nextWakeMs([record({ nextAt: t0 + 10_000 }), record({ nextAt: t0 + 4_000 })], state)).toBe(4_000);
    expect(nextWakeMs([record({ nextAt: t0 })], state)).toBe(1_000);
    expect(nextWakeMs([record({ nextAt: t0 + 3_600_000 })], state)).toBe(300_000);
  });

  it('waits out a pause after a failure and another tab\'s lease, but not for a hold to end', () => {
    expect(nextWakeMs([record()], { ...state, pausedUntil: t0 + 20_000 })).toBe(20_000);
    expect(nextWakeMs([record({ lease: { tab: 'tab-b', until: t0 + 25_000 } })], state)).toBe(25_000);
    expect(nextWakeMs([record({ heldBy: 'tab-a', heldUntil: t0 + 60_000 })], { ...state, pausedUntil: t0 + 90_000 })).toBe(60_000);
  });
});
