import type { Config } from '../config/parse-options';
import type { Logger } from '../common/log';
import { createAnswerId } from '../payload/answer-id';
import type { Answer } from '../payload/answer-schema';
import { utf8Length } from '../payload/data-bounds';
import { toJson } from '../payload/to-json';
import type { KeyValueStore } from '../storage/key-value-store';
import { createDelivery } from './deliver';
import { createLeases } from './leases';
import { defaultLimits, type OutboxLimits } from './limits';
import { byAge, leasedElsewhere, type OutboxRecord } from './outbox-record';
import type { Outbox, OutboxEmit, OutboxStatus } from './outbox-types';
import { watchPage } from './page-lifecycle';
import { createRefusedOriginNotice } from './refused-origin';
import { createRecordCache, type OutboxHealth } from './record-cache';
import { createTransport, type Transport } from './transport';
import { createWakeUp, nextWakeMs } from './wake-up';

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

/**
 * How long a score waits for its follow-up before it goes alone: long enough to write a comment,
 * short enough that a visitor who walks away from an open tab still gets counted. A comment given
 * later amends the delivered answer under the same id.
 */
const holdMs = 60_000;

/**
 * The persist-first queue. An answer is in the store before `enqueue` resolves and leaves it only
 * when the endpoint acknowledged it (2xx, 409), refused it (other 4xx), or it expired or was
 * evicted; each of these is an event. One tab drains at a time, and on page hide every answer still
 * here goes out with `keepalive`. Nothing here throws into the host page. The parts: the records
 * and their cache, the leases and Web Locks, the delivery of one record, and the wake-up schedule.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, emit, log } = deps;
  const win = deps.window ?? (typeof window === 'object' ? window : undefined);
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const transport = deps.transport ?? createTransport({
    endpoint: deps.config.endpoint,
    contentType: deps.config.transport.contentType,
    fetch: deps.fetch ?? nativeFetch(win),
    window: win,
  });
  const tab = createAnswerId();
  const health: OutboxHealth = { pausedUntil: 0 };
  const listeners = new Set<(status: OutboxStatus) => void>();
  const startedOn = store.kind;
  let lastStatus = '';
  let storageReported = false;
  let destroyed = false;
  let running: Promise<void> | undefined;
  let again = false;
  let onlineTimer: ReturnType<typeof setTimeout> | undefined;

  const status = (): OutboxStatus => ({ pending: records.waiting(), storage: store.kind, ...(health.lastError ? { lastError: health.lastError } : {}) });
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

  const records = createRecordCache({ store, emit, log, window: win, tab, now, limits: { ...defaultLimits, ...deps.limits }, health, changed });
  const locks = 'locks' in deps ? deps.locks : win?.navigator?.locks;
  const leases = createLeases({ records, store, log, tab, now, locks });
  const refusedOrigin = createRefusedOriginNotice({ endpoint: deps.config.endpoint, origin: win?.location?.origin ?? 'this page', log, emit });
  const delivery = createDelivery({ records, leases, store, transport, emit, health, now, random, changed, refusedOrigin });
  const wakeUp = createWakeUp(() => void flush());

  const sendable = (record: OutboxRecord, hiding: boolean) =>
    !delivery.inflight(record.answer.id) && !leasedElsewhere(record, tab, now()) && record.nextAt <= now() && (hiding || !records.heldHere(record));
  const wakeLater = (delayMs?: number) => {
    if (destroyed) return;
    wakeUp.in(delayMs ?? nextWakeMs(records.all(), { now: now(), tab, pausedUntil: health.pausedUntil, inflight: delivery.inflight, heldHere: records.heldHere }));
  };

  let firstDrain = true;
  /** Sends what is due, oldest first, a few at a time (browsers allow 6 connections per host). */
  async function drain() {
    for (let round = 0; round < 100 && !destroyed; round++) {
      let loaded = await records.load();
      if (firstDrain) {
        firstDrain = false;
        // A new page view: answers refused with 403 go again now (the owner may have allowed the site since).
        const refused = loaded.filter((record) => record.refused && record.nextAt > now());
        for (const record of refused) void records.put({ ...record, nextAt: now() });
        if (refused.length) loaded = records.all().sort(byAge);
      }
      const due = loaded.filter((candidate) => sendable(candidate, false));
      let sent = 0;
      let failed = false;
      const worker = async () => {
        // A failure means the network or the endpoint is down: the rest waits for the same backoff.
        for (let record; !failed && !destroyed && (record = due.shift()); ) {
          const claimed = await leases.claim(record, (stored) => sendable(stored, false));
          if (!claimed || destroyed || !sendable(records.get(claimed.answer.id) ?? claimed, false)) continue;
          sent++;
          failed = (await delivery.send(claimed, false))?.kind === 'retry' || failed;
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      if (!sent || failed) return;
    }
  }

  function flush(): Promise<void> {
    if (destroyed) return Promise.resolve();
    if (running) return (again = true), running;
    running = (async () => {
      for (let pass = 0; pass < 3 && !destroyed; pass++) {
        again = false;
        const ran = await leases.alone(() => drain().catch((error) => log.error(`delivery failed: ${String(error)}`)));
        // Another tab drains; look again later in case it leaves first.
        if (!ran) wakeLater(records.size ? 2000 + random() * 3000 : undefined);
        else wakeLater();
        if (!again) break;
      }
      running = undefined;
      changed();
    })();
    return running;
  }

  const unwatch = watchPage(win, {
    hide() {
      for (const record of records.all().sort(byAge)) {
        if (sendable(record, true)) void delivery.send(record, true).catch((error) => log.error(`delivery failed: ${String(error)}`));
      }
    },
    online() {
      clearTimeout(onlineTimer);
      health.pausedUntil = 0;
      // Every tab and device comes back at once: spread the load.
      onlineTimer = setTimeout(() => void flush(), 500 + random() * 2500);
    },
  });

  async function save(answer: Answer, held: boolean) {
    const { id, survey } = answer;
    const previous = records.get(id);
    const at = now();
    await records.put({
      queuedAt: at,
      ...previous,
      // A reply to an older version must not delete this one (see the delivery's `same` check).
      rev: (previous?.rev ?? 0) + 1,
      answer,
      bytes: utf8Length(toJson(answer)!),
      nextAt: at,
      failures: 0,
      heldBy: held ? tab : undefined,
      heldUntil: held ? at + holdMs : undefined,
      lease: undefined,
    });
    await records.enforceLimits(id);
    if (!previous) emit('queued', { id, survey, pending: records.waiting() });
    changed();
    // A held score gets its wake-up too: at the end of its hold it goes alone.
    void flush();
  }

  void flush();
  return {
    enqueue: (answer, options) => save(answer, !!options?.held),
    amend: (answer) => save(answer, false),
    async release(id) {
      const record = records.get(id);
      if (record?.heldBy !== tab) return;
      await records.put({ ...record, heldBy: undefined, heldUntil: undefined });
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
      wakeUp.cancel();
      clearTimeout(onlineTimer);
      records.close();
      listeners.clear();
    },
  };
}

function nativeFetch(win: Window | undefined): typeof fetch {
  const scope = win ?? globalThis;
  return typeof scope.fetch === 'function' ? scope.fetch.bind(scope) : () => Promise.reject(new TypeError('fetch is not available'));
}
