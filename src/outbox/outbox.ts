import { utf8Length } from '../payload/data-bounds';
import { toJson } from '../payload/to-json';
import { safeParse } from '../common/shielded';
import type { Config } from '../config/parse-options';
import type { Logger } from '../common/log';
import { createAnswerId } from '../payload/answer-id';
import type { Answer } from '../payload/answer-schema';
import type { KeyValueStore } from '../storage/key-value-store';
import { defaultLimits, overLimits, type OutboxLimits } from './limits';
import { byAge, leasedElsewhere, outboxRecordSchema, recordKey, type OutboxRecord } from './outbox-record';
import type { Outbox, OutboxEmit, OutboxStatus } from './outbox-types';
import { watchPage } from './page-lifecycle';
import { decide, maxRetryDelayMs, type Verdict } from './retry-policy';
import { openTabChannel } from './tab-channel';
import { createTransport, type Transport } from './transport';

export interface OutboxDeps {
  config: Config;
  store: KeyValueStore;
  emit: OutboxEmit;
  log: Logger;
  /** @default the page's fetch, captured now (a host that patches fetch later neither breaks nor sees delivery) */
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  window?: Window;
  /** @default `navigator.locks`; `undefined` leaves only the per-record lease */
  locks?: LockManager | undefined;
  limits?: Partial<OutboxLimits>;
  transport?: Transport;
}

/** How long a tab's claim on a record holds if it dies mid-send (longer than the transport timeout). */
const leaseMs = 30_000;
/**
 * How long a score waits for its follow-up before it goes alone: long enough to write a comment,
 * short enough that a visitor who walks away from an open tab still gets counted. A comment given
 * later amends the delivered answer under the same id.
 */
export const holdMs = 60_000;

/**
 * The persist-first queue of DESIGN "Delivery". An answer is in the store before `enqueue`
 * resolves and leaves it only when the endpoint acknowledged it (2xx, 409), refused it (other
 * 4xx), or it expired or was evicted; each of these is an event. One tab drains at a time (Web
 * Locks, else a lease on each record), and on page hide every answer still here goes out with
 * `keepalive`. Nothing here throws into the host page.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, emit, log } = deps;
  const win = deps.window ?? (typeof window === 'object' ? window : undefined);
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const limits = { ...defaultLimits, ...deps.limits };
  let locks = 'locks' in deps ? deps.locks : win?.navigator?.locks;
  const transport = deps.transport ?? createTransport({
    endpoint: deps.config.endpoint,
    contentType: deps.config.transport.contentType,
    fetch: deps.fetch ?? nativeFetch(win),
    window: win,
  });
  /** This page: its holds and leases. */
  const tab = createAnswerId();
  /** The queue as this tab knows it (the page-hide path cannot wait for IndexedDB). */
  const cache = new Map<string, OutboxRecord>();
  const inflight = new Set<string>();
  /** Store writes per answer id, in order: an acknowledgement never deletes before the write lands. */
  const chains = new Map<string, Promise<unknown>>();
  const listeners = new Set<(status: OutboxStatus) => void>();
  const startedOn = store.kind;
  let lastError: string | undefined;
  let lastStatus = '';
  let storageReported = false;
  let destroyed = false;
  let running: Promise<void> | undefined;
  let again = false;
  let pausedUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onlineTimer: ReturnType<typeof setTimeout> | undefined;

  /** Held by this page for its follow-up, for at most `holdMs`. */
  const heldHere = (record: OutboxRecord) => record.heldBy === tab && (record.heldUntil ?? 0) > now();
  /** Answers waiting for the network: not a score that only waits for its follow-up. */
  const waiting = () => [...cache.values()].filter((record) => !heldHere(record)).length;
  const status = (): OutboxStatus => ({ pending: waiting(), storage: store.kind, ...(lastError ? { lastError } : {}) });
  const changed = () => {
    const current = status();
    if (current.storage !== startedOn && !storageReported) {
      storageReported = true;
      emit('error', { kind: 'storage', message: 'IndexedDB failed: answers are kept in memory until sent (lost if the page closes first)' });
    }
    const snapshot = JSON.stringify(current);
    if (snapshot === lastStatus) return;
    lastStatus = snapshot;
    for (const listener of [...listeners]) {
      try {
        listener(current);
      } catch (error) {
        log.error(`an outbox status listener threw: ${String(error)}`);
      }
    }
  };

  const serial = <T>(id: string, work: () => Promise<T>): Promise<T | void> => {
    const result = (chains.get(id) ?? Promise.resolve()).then(work).catch((error) => {
      lastError = `storage: ${String(error)}`;
      log.error(`could not store answer ${id}: ${String(error)}`);
    });
    chains.set(id, result);
    void result.then(() => chains.get(id) === result && chains.delete(id));
    return result;
  };
  const put = (record: OutboxRecord) => {
    const { id } = record.answer;
    cache.set(id, record);
    channel.post(id, record);
    return serial(id, () => store.set(recordKey(id), record));
  };
  const remove = (id: string) => {
    cache.delete(id);
    channel.post(id);
    return serial(id, () => store.delete(recordKey(id)));
  };
  const read = async (id: string) => {
    const parsed = safeParse(outboxRecordSchema(), await store.get(recordKey(id)));
    return parsed.success ? parsed.data : undefined;
  };
  const sendable = (record: OutboxRecord, hiding: boolean) =>
    !inflight.has(record.answer.id) && !leasedElsewhere(record, tab, now()) && record.nextAt <= now() && (hiding || !heldHere(record));

  const channel = openTabChannel(win, (id, raw) => {
    const parsed = safeParse(outboxRecordSchema(), raw);
    if (parsed.success && parsed.data.answer.id === id) cache.set(id, { ...(cache.get(id) ?? parsed.data), lease: parsed.data.lease });
    else if (raw === null) cache.delete(id);
    changed();
  });

  /** Reads the store into the cache: drops unreadable records, then expired and evicted ones. */
  async function load() {
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
    await enforceLimits();
    return [...cache.values()].sort(byAge);
  }

  async function enforceLimits(keep?: string) {
    const { expired, evicted } = overLimits([...cache.values()], limits, now(), keep);
    for (const [records, kind] of [[expired, 'expired'], [evicted, 'evicted']] as const) {
      for (const { answer } of records) {
        await remove(answer.id);
        emit('error', {
          kind,
          id: answer.id,
          message: kind === 'expired'
            ? `answer ${answer.id} was not delivered within ${Math.round(limits.ttlMs / 864e5)} days and was dropped`
            : `the outbox is full (${limits.maxCount} answers, ${limits.maxBytes} bytes): the oldest answer ${answer.id} was dropped`,
        });
      }
    }
  }

  /** Without Web Locks: write a lease, read it back, go on only if ours survived. */
  async function claim(record: OutboxRecord): Promise<OutboxRecord | undefined> {
    if (locks) return record;
    const { id } = record.answer;
    return (await serial(id, async () => {
      const stored = await read(id);
      if (!stored || stored.rev !== record.rev || !sendable(stored, false)) return undefined;
      const leased = { ...stored, lease: { tab, until: now() + leaseMs } };
      await store.set(recordKey(id), leased);
      // Two tabs may both have read it free: the last write wins and only its writer goes on.
      return (await read(id))?.lease?.tab === tab ? leased : undefined;
    })) || undefined;
  }

  async function send(record: OutboxRecord, hiding: boolean): Promise<Verdict | undefined> {
    const { id, survey } = record.answer;
    inflight.add(id);
    const leased = { ...record, lease: { tab, until: now() + leaseMs } };
    channel.post(id, leased);
    if (hiding && !locks) void serial(id, () => store.set(recordKey(id), leased));
    let verdict: Verdict | undefined;
    let status: number | undefined;
    let problem = 'network error';
    try {
      const delivery = await transport.post(toJson(record.answer)!, record.bytes, hiding);
      if (!delivery) return undefined;
      if ('beacon' in delivery) {
        // No reply comes back: keep the answer a minute, then send it again (receivers dedupe on id).
        verdict = { kind: 'retry', delayMs: 60_000 };
      } else {
        status = delivery.status;
        problem = `HTTP ${status}`;
        verdict = decide(status, delivery.retryAfter, record.failures, now(), random);
      }
    } catch (error) {
      problem = `network error (${String(error)})`;
      verdict = decide(undefined, undefined, record.failures, now(), random);
    } finally {
      inflight.delete(id);
    }
    const current = cache.get(id);
    const same = current?.rev === record.rev;
    if (verdict.kind === 'retry') {
      lastError = `${problem}; retrying`;
      pausedUntil = now() + verdict.delayMs;
      if (same) await put({ ...current!, failures: record.failures + 1, nextAt: pausedUntil, lease: undefined });
    } else if (same) {
      // Otherwise it was amended meanwhile (the newer version still goes) or settled by another tab.
      await remove(id);
      if (verdict.kind === 'delivered') {
        lastError = undefined;
        emit('sent', { id, survey, status: status! });
      } else {
        lastError = `answer ${id}: the endpoint refused it (${problem})`;
        emit('error', { kind: 'delivery', id, status, message: `the endpoint refused answer ${id} with ${problem}; it will not be retried` });
      }
    }
    changed();
    return verdict;
  }

  /** Sends what is due, oldest first, a few at a time (browsers allow 6 connections per host). */
  async function drain() {
    for (let round = 0; round < 100 && !destroyed; round++) {
      const due = (await load()).filter((candidate) => sendable(candidate, false));
      let sent = 0;
      let failed = false;
      const worker = async () => {
        // A failure means the network or the endpoint is down: the rest waits for the same backoff.
        for (let record; !failed && !destroyed && (record = due.shift()); ) {
          const claimed = await claim(record);
          if (!claimed || destroyed || !sendable(cache.get(claimed.answer.id) ?? claimed, false)) continue;
          sent++;
          failed = (await send(claimed, false))?.kind === 'retry' || failed;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      if (!sent || failed) return;
    }
  }

  function wakeLater(delayMs?: number) {
    clearTimeout(timer);
    if (destroyed) return;
    if (delayMs === undefined) {
      let wake = Infinity;
      for (const record of cache.values()) {
        if (inflight.has(record.answer.id)) continue;
        const leaseEnd = leasedElsewhere(record, tab, now()) ? record.lease!.until : 0;
        // The end of a hold is a change of its own (the kiosk's count), worth a look even while paused.
        wake = Math.min(wake, heldHere(record) ? Math.max(record.nextAt, leaseEnd, record.heldUntil!) : Math.max(record.nextAt, leaseEnd, pausedUntil));
      }
      if (wake === Infinity) return;
      delayMs = Math.min(maxRetryDelayMs, Math.max(1000, wake - now()));
    }
    timer = setTimeout(() => void flush(), delayMs);
  }

  /** Drains if no other tab does; otherwise looks again in a few seconds. */
  async function drainAlone() {
    const guarded = () => drain().catch((error) => log.error(`delivery failed: ${String(error)}`));
    if (locks) {
      try {
        let busy = true;
        await locks.request('hearback-outbox', { ifAvailable: true }, async (lock) => {
          if (!lock) return;
          busy = false;
          await guarded();
        });
        // Another tab drains; look again later in case it leaves first.
        return busy ? cache.size && wakeLater(2000 + random() * 3000) : wakeLater();
      } catch (error) {
        log.debug(`Web Locks unusable (${String(error)}); using leases`);
        locks = undefined;
      }
    }
    await guarded();
    wakeLater();
  }

  function flush(): Promise<void> {
    if (destroyed) return Promise.resolve();
    if (running) return (again = true), running;
    running = (async () => {
      for (let pass = 0; pass < 3 && !destroyed; pass++) {
        again = false;
        await drainAlone();
        if (!again) break;
      }
      running = undefined;
      changed();
    })();
    return running;
  }

  const hide = () => {
    for (const record of [...cache.values()].sort(byAge)) {
      if (sendable(record, true)) void send(record, true).catch((error) => log.error(`delivery failed: ${String(error)}`));
    }
  };
  const unwatch = watchPage(win, {
    hide,
    online() {
      clearTimeout(onlineTimer);
      pausedUntil = 0;
      // Every tab and device comes back at once: spread the load.
      onlineTimer = setTimeout(() => void flush(), 500 + random() * 2500);
    },
  });

  async function save(answer: Answer, held: boolean) {
    const { id, survey } = answer;
    const previous = cache.get(id);
    const at = now();
    await put({
      queuedAt: at,
      ...previous,
      // A reply to an older version must not delete this one (see `send`).
      rev: (previous?.rev ?? 0) + 1,
      answer,
      bytes: utf8Length(toJson(answer)!),
      nextAt: at,
      failures: 0,
      heldBy: held ? tab : undefined,
      heldUntil: held ? at + holdMs : undefined,
      lease: undefined,
    });
    await enforceLimits(id);
    if (!previous) emit('queued', { id, survey, pending: waiting() });
    changed();
    // A held score still gets a wake-up: at the end of its hold it goes alone.
    void flush();
  }

  void flush();
  return {
    enqueue: (answer, options) => save(answer, !!options?.held),
    amend: (answer) => save(answer, false),
    async release(id) {
      const record = cache.get(id);
      if (record?.heldBy !== tab) return;
      await put({ ...record, heldBy: undefined, heldUntil: undefined });
      void flush();
    },
    flush,
    status,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      unwatch();
      clearTimeout(timer);
      clearTimeout(onlineTimer);
      channel.close();
      listeners.clear();
    },
  };
}

function nativeFetch(win: Window | undefined): typeof fetch {
  const scope = win ?? globalThis;
  return typeof scope.fetch === 'function' ? scope.fetch.bind(scope) : () => Promise.reject(new TypeError('fetch is not available'));
}
