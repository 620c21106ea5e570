import { vi } from 'vitest';
import { parseOptions } from '../../../src/config/parse-options';
import type { HearbackEvents } from '../../../src/engine/events';
import type { Logger } from '../../../src/common/log';
import { createOutbox, type OutboxDeps } from '../../../src/outbox/outbox';
import type { Outbox, OutboxEmit } from '../../../src/outbox/outbox-types';
import { createMemoryStore } from '../../../src/storage/memory-store';
import type { KeyValueStore } from '../../../src/storage/key-value-store';
import type { Answer } from '../../../src/payload/answer-schema';

export const endpoint = 'https://collect.example/feedback';

export function configFor(options: Record<string, unknown> = {}) {
  const { config, errors } = parseOptions({ endpoint, ...options });
  if (!config) throw new Error(errors.join('; '));
  return config;
}

let counter = 0;
/** A valid v1 answer with a fresh id. */
export function makeAnswer(fields: Partial<Answer> = {}): Answer {
  counter++;
  return {
    v: 1,
    id: `answer-${String(counter).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`,
    survey: 'after-checkout',
    type: 'csat',
    score: 4,
    scale: [1, 5],
    locale: 'en',
    url: 'https://shop.example/done',
    answeredAt: '2026-11-23T10:00:00.000Z',
    sdk: 'hearback/0.1.0',
    ...fields,
  };
}

export type Emitted = { [K in keyof HearbackEvents]: [K, HearbackEvents[K]] }[keyof HearbackEvents];

export function recorder() {
  const events: Emitted[] = [];
  const emit: OutboxEmit = (event, detail) => void events.push([event, detail] as Emitted);
  const of = <K extends keyof HearbackEvents>(name: K) =>
    events.filter(([event]) => event === name).map(([, detail]) => detail as HearbackEvents[K]);
  return { events, emit, of };
}

export const quietLog = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, error: (m) => void lines.push('error ' + m), warn: (m) => void lines.push('warn ' + m), debug: () => undefined };
};

/** A window with just what the outbox listens to; `hide()` fires what a closing tab fires. */
export function fakeWindow(options: { keepalive?: boolean } = {}) {
  const win = new EventTarget() as EventTarget & Record<string, unknown>;
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  const sendBeacon = vi.fn((_url: string, _body: string) => true);
  class NoKeepaliveRequest {}
  Object.assign(win, {
    document,
    navigator: { sendBeacon },
    Request: options.keepalive === false ? NoKeepaliveRequest : Request,
    fetch: (...args: Parameters<typeof fetch>) => fetch(...args),
  });
  return {
    window: win as unknown as Window,
    sendBeacon,
    hide() {
      document.visibilityState = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
      win.dispatchEvent(new Event('pagehide'));
    },
    online: () => win.dispatchEvent(new Event('online')),
  };
}

/** Lets pending promise chains (memory store, msw) run without moving fake time. */
export async function settle(rounds = 20) {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Starts outboxes with the tests' defaults (memory store, no Web Locks, no jitter) and remembers
 * them, so `destroyAll` in afterEach stops every timer and listener they set.
 */
export function outboxFactory() {
  const outboxes: Outbox[] = [];
  function start(overrides: Partial<OutboxDeps> = {}) {
    const events = recorder();
    const log = quietLog();
    const store = overrides.store ?? createMemoryStore();
    const outbox = createOutbox({ config: configFor(), store, emit: events.emit, log, locks: undefined, random: () => 0, ...overrides });
    outboxes.push(outbox);
    return { outbox, store, events, log };
  }
  return { start, destroyAll: () => outboxes.splice(0).forEach((outbox) => outbox.destroy()) };
}

/** The answer ids still queued in a store. */
export const storedIds = async (store: KeyValueStore) => (await store.entries('outbox:')).map(([key]) => key.slice('outbox:'.length));
