import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../../src/storage/memory-store';
import { endpoint, fakeWindow, makeAnswer, settle, outboxFactory, storedIds } from './helpers';

const server = setupServer();
let received: Array<{ id: string; comment?: string; keepalive: boolean }>;
let online = true;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2026-11-23T10:00:00Z') });
  received = [];
  online = true;
  server.use(
    http.post(endpoint, async ({ request }) => {
      if (!online) return HttpResponse.error();
      const body = JSON.parse(await request.text());
      received.push({ id: body.id, comment: body.comment, keepalive: request.keepalive });
      return new HttpResponse(null, { status: 200 });
    }),
  );
});
afterEach(() => {
  destroyAll();
  server.resetHandlers();
  vi.useRealTimers();
});

const { start, destroyAll } = outboxFactory();
const stored = storedIds;
const day = 24 * 3600_000;

describe('held answers: score first, comment later, one answer with one id', () => {
  it('holds a score until the follow-up arrives, then sends one answer carrying both', async () => {
    const { outbox, store, events } = start();
    const score = makeAnswer({ score: 2 });
    await outbox.enqueue(score, { held: true });
    expect(await stored(store)).toEqual([score.id]);
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(received).toEqual([]);
    await outbox.amend({ ...score, comment: 'late delivery' });
    await outbox.flush();
    expect(received).toEqual([{ id: score.id, comment: 'late delivery', keepalive: true }]);
    expect(events.of('queued')).toHaveLength(1);
    expect(events.of('sent')).toHaveLength(1);
  });

  it('sends a score left at the follow-up after a minute; a later comment amends it under the same id', async () => {
    const { outbox, events } = start();
    const score = makeAnswer({ score: 2 });
    await outbox.enqueue(score, { held: true });
    await vi.advanceTimersByTimeAsync(59_000);
    expect(received).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(received).toEqual([{ id: score.id, comment: undefined, keepalive: true }]);
    expect(events.of('sent')).toHaveLength(1);
    await outbox.amend({ ...score, comment: 'written after a coffee' });
    await settle();
    expect(received.map((r) => [r.id, r.comment])).toEqual([[score.id, undefined], [score.id, 'written after a coffee']]);
    expect(events.of('sent')).toHaveLength(2);
  });

  it('does not count a score waiting only for its follow-up as waiting for the network', async () => {
    online = false;
    const { outbox } = start();
    const seen: number[] = [];
    outbox.subscribe((status) => seen.push(status.pending));
    const score = makeAnswer();
    await outbox.enqueue(score, { held: true });
    expect(outbox.status().pending).toBe(0);
    await outbox.enqueue(makeAnswer());
    await settle();
    expect(outbox.status().pending).toBe(1);
    await vi.advanceTimersByTimeAsync(61_000);
    await settle();
    expect(outbox.status().pending).toBe(2);
    expect(seen.at(-1)).toBe(2);
    expect(seen).not.toContain(3);
  });

  it('sends a score alone once released (the visitor closed the prompt without a comment)', async () => {
    const { outbox } = start();
    const score = makeAnswer();
    await outbox.enqueue(score, { held: true });
    await outbox.release(score.id);
    await outbox.flush();
    expect(received.map((r) => r.id)).toEqual([score.id]);
  });

  it('sends a held score when the page is hidden, with keepalive', async () => {
    const fake = fakeWindow();
    const { outbox, store } = start({ window: fake.window });
    const score = makeAnswer();
    await outbox.enqueue(score, { held: true });
    fake.hide();
    await settle();
    expect(received).toEqual([{ id: score.id, comment: undefined, keepalive: true }]);
    expect(await stored(store)).toEqual([]);
  });

  it('sends a held score left by an earlier page on the next visit', async () => {
    const store = createMemoryStore();
    online = false;
    const first = start({ store });
    const score = makeAnswer();
    await first.outbox.enqueue(score, { held: true });
    first.outbox.destroy();
    online = true;
    const next = start({ store });
    await next.outbox.flush();
    expect(received.map((r) => r.id)).toEqual([score.id]);
    expect(next.events.of('sent')).toHaveLength(1);
  });

  it('an amend while the score is in flight is not lost: the amended answer goes next, same id', async () => {
    let reply!: () => void;
    server.use(http.post(endpoint, async ({ request }) => {
      const body = JSON.parse(await request.text());
      received.push({ id: body.id, comment: body.comment, keepalive: request.keepalive });
      if (!body.comment) await new Promise<void>((resolve) => (reply = resolve));
      return new HttpResponse(null, { status: 200 });
    }));
    const { outbox, events } = start();
    const score = makeAnswer();
    await outbox.enqueue(score, { held: true });
    await outbox.release(score.id);
    await vi.waitFor(() => expect(received).toHaveLength(1));
    await outbox.amend({ ...score, comment: 'added while sending' });
    reply();
    await outbox.flush();
    await settle();
    expect(received.map((r) => [r.id, r.comment])).toEqual([[score.id, undefined], [score.id, 'added while sending']]);
    expect(events.of('sent')).toHaveLength(1);
  });
});

describe('page hide', () => {
  it('falls back to sendBeacon where fetch keepalive is missing, and keeps the answer until a reply is possible', async () => {
    online = false;
    const fake = fakeWindow({ keepalive: false });
    const { outbox, store } = start({ window: fake.window });
    const answer = makeAnswer();
    await outbox.enqueue(answer);
    fake.hide();
    await settle();
    expect(fake.sendBeacon).toHaveBeenCalledWith(endpoint, JSON.stringify(answer));
    expect(await stored(store)).toEqual([answer.id]);
  });

  it('sends on hide only what fits the 64 KB keepalive budget; the rest waits in the store', async () => {
    online = false;
    const fake = fakeWindow();
    const { outbox, store } = start({ window: fake.window });
    // About 16 KB each, as large as an answer gets (a Thai comment, 20 reasons, full user and context): 3 fit in 60,000 bytes.
    const blob = { note: 'x'.repeat(4_000) };
    const big = Array.from({ length: 5 }, () => makeAnswer({ comment: 'ก'.repeat(2_000), reasons: Array.from({ length: 20 }, () => 'x'.repeat(100)), user: blob, context: blob }));
    for (const answer of big) await outbox.enqueue(answer, { held: true });
    online = true;
    server.use(http.post(endpoint, async ({ request }) => {
      received.push({ id: JSON.parse(await request.text()).id, keepalive: request.keepalive });
      return new Promise<Response>(() => undefined); // the server never answers while the page goes
    }));
    fake.hide();
    await settle();
    expect(received.length).toBe(3);
    expect(received.every((r) => r.keepalive)).toBe(true);
    expect((await stored(store)).length).toBe(5);
  });
});

describe('limits', () => {
  it('drops answers older than 7 days unsent, with an expired event', async () => {
    online = false;
    const store = createMemoryStore();
    const first = start({ store });
    const old = makeAnswer();
    await first.outbox.enqueue(old);
    first.outbox.destroy();
    vi.setSystemTime(Date.now() + 7 * day + 1);
    online = true;
    const next = start({ store });
    await next.outbox.flush();
    expect(received).toEqual([]);
    expect(next.events.of('error')).toEqual([{ kind: 'expired', id: old.id, message: expect.stringContaining('7 days') }]);
    expect(await stored(store)).toEqual([]);
  });

  it('keeps at most maxCount answers, evicting the oldest first, each eviction reported', async () => {
    online = false;
    const { outbox, store, events } = start({ limits: { maxCount: 3 } });
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push(makeAnswer());
      await outbox.enqueue(answers[i]);
      vi.advanceTimersByTime(10);
    }
    expect(events.of('error').map((e) => [e.kind, e.id])).toEqual([['evicted', answers[0].id], ['evicted', answers[1].id]]);
    expect((await stored(store)).sort()).toEqual(answers.slice(2).map((a) => a.id).sort());
    expect(outbox.status().pending).toBe(3);
  });

  it('keeps the queue under maxBytes, but never evicts the answer just given', async () => {
    online = false;
    const { outbox, store, events } = start({ limits: { maxBytes: 3000 } });
    const small = makeAnswer();
    await outbox.enqueue(small);
    vi.advanceTimersByTime(10);
    const huge = makeAnswer({ comment: 'y'.repeat(2000), context: { notes: 'z'.repeat(1500) } });
    await outbox.enqueue(huge);
    expect(events.of('error').map((e) => [e.kind, e.id])).toEqual([['evicted', small.id]]);
    expect(await stored(store)).toEqual([huge.id]);
  });

  it('drops records it cannot read back (no unparsed trust in storage)', async () => {
    const store = createMemoryStore();
    await store.set('outbox:bogus', { answer: { id: 'bogus' }, queuedAt: 'yesterday' });
    const { outbox, log } = start({ store });
    await outbox.flush();
    expect(received).toEqual([]);
    expect(await stored(store)).toEqual([]);
    expect(log.lines).toEqual([expect.stringContaining('unreadable queued answer (outbox:bogus)')]);
  });
});

describe('several tabs and restarts', () => {
  it('two tabs without Web Locks draining one store post each answer once (per-record lease)', async () => {
    online = false;
    const store = createMemoryStore();
    const a = start({ store });
    const b = start({ store });
    const answers = Array.from({ length: 6 }, () => makeAnswer());
    for (const [i, answer] of answers.entries()) await (i % 2 ? a : b).outbox.enqueue(answer);
    online = true;
    await Promise.all([a.outbox.flush(), b.outbox.flush(), a.outbox.flush(), b.outbox.flush()]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(received.map((r) => r.id).sort()).toEqual(answers.map((x) => x.id).sort());
  });

  it('with Web Locks only the tab holding "hearback-outbox" drains; the other looks again later', async () => {
    const held = new Set<string>();
    const locks = {
      async request(name: string, _options: LockOptions, callback: (lock: Lock | null) => Promise<unknown>) {
        if (held.has(name)) return callback(null);
        held.add(name);
        try {
          return await callback({ name, mode: 'exclusive' });
        } finally {
          held.delete(name);
        }
      },
    } as unknown as LockManager;
    online = false;
    const store = createMemoryStore();
    const a = start({ store, locks });
    const b = start({ store, locks });
    const answers = Array.from({ length: 4 }, () => makeAnswer());
    for (const [i, answer] of answers.entries()) await (i % 2 ? a : b).outbox.enqueue(answer);
    online = true;
    await Promise.all([a.outbox.flush(), b.outbox.flush()]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(received.map((r) => r.id).sort()).toEqual(answers.map((x) => x.id).sort());
  });

  it('destroy() stops listeners and timers; the answer stays stored for the next visit', async () => {
    online = false;
    const fake = fakeWindow();
    const { outbox, store } = start({ window: fake.window });
    const answer = makeAnswer();
    await outbox.enqueue(answer);
    outbox.destroy();
    online = true;
    fake.online();
    fake.hide();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(received).toEqual([]);
    expect(await stored(store)).toEqual([answer.id]);
  });
});
