import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { configFor, endpoint, fakeWindow, makeAnswer, quietLog, settle, outboxFactory, storedIds } from './helpers';

interface Received { id: string; body: Record<string, unknown>; contentType: string | null; keepalive: boolean; credentials: string; at: number }

const server = setupServer();
let received: Received[];
/** Replies in order; the last reply repeats. */
let replies: Array<() => Response>;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2026-11-23T10:00:00Z') });
  received = [];
  replies = [() => new HttpResponse(null, { status: 204 })];
  server.use(
    http.post(endpoint, async ({ request }) => {
      const body = JSON.parse(await request.text());
      received.push({ id: body.id, body, contentType: request.headers.get('content-type'), keepalive: request.keepalive, credentials: request.credentials, at: Date.now() });
      return (replies.length > 1 ? replies.shift()! : replies[0])();
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
const ids = () => received.map((r) => r.id);
const status = (code: number, headers: Record<string, string> = {}) => () => new HttpResponse(null, { status: code, headers });

describe('outbox delivery', () => {
  it('stores the answer before enqueue resolves, then POSTs it once as text/plain JSON without credentials', async () => {
    const { outbox, store, events } = start();
    const answer = makeAnswer({ comment: 'ส่งของเร็วมาก' });
    await outbox.enqueue(answer);
    expect(await stored(store)).toEqual([answer.id]);
    expect(events.of('queued')).toEqual([{ id: answer.id, survey: 'after-checkout', pending: 1 }]);
    await outbox.flush();
    await settle();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ id: answer.id, body: answer, contentType: 'text/plain;charset=UTF-8', credentials: 'omit' });
    expect(events.of('sent')).toEqual([{ id: answer.id, survey: 'after-checkout', status: 204 }]);
    expect(await stored(store)).toEqual([]);
    expect(outbox.status()).toEqual({ pending: 0, storage: 'memory' });
  });

  it('sends application/json when configured', async () => {
    const { outbox } = start({ config: configFor({ transport: { contentType: 'application/json' } }) });
    await outbox.enqueue(makeAnswer());
    await outbox.flush();
    expect(received[0].contentType).toBe('application/json');
  });

  it('uses the fetch captured at creation: a host patching fetch later neither breaks nor sees delivery', async () => {
    const { outbox } = start();
    const hostPatch = vi.fn(() => Promise.reject(new Error('host patched fetch')));
    const original = globalThis.fetch;
    globalThis.fetch = hostPatch;
    try {
      await outbox.enqueue(makeAnswer());
      await outbox.flush();
    } finally {
      globalThis.fetch = original;
    }
    expect(hostPatch).not.toHaveBeenCalled();
    expect(received).toHaveLength(1);
  });

  it('retries 503s with exponential backoff, then delivers', async () => {
    replies = [status(503), status(503), status(503), status(200)];
    const { outbox, events } = start();
    const answer = makeAnswer();
    await outbox.enqueue(answer);
    await outbox.flush();
    const t0 = Date.now();
    expect(ids()).toEqual([answer.id]);
    expect(outbox.status()).toMatchObject({ pending: 1, lastError: expect.stringContaining('HTTP 503') });
    // random() = 0: the lower half of each window, 0.5 s then 1 s then 2 s (but never under 1 s between tries).
    await vi.advanceTimersByTimeAsync(999);
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(received.map((r) => r.at - t0)).toEqual([0, 1000, 2000, 4000]);
    expect(events.of('sent')).toEqual([{ id: answer.id, survey: 'after-checkout', status: 200 }]);
    expect(outbox.status()).toEqual({ pending: 0, storage: 'memory' });
  });

  it('honours Retry-After in seconds', async () => {
    replies = [status(429, { 'retry-after': '7' }), status(200)];
    const { outbox } = start();
    await outbox.enqueue(makeAnswer());
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(6999);
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date, capped at 5 minutes', async () => {
    replies = [status(503, { 'retry-after': new Date(Date.now() + 3600_000).toUTCString() }), status(200)];
    const { outbox, events } = start();
    await outbox.enqueue(makeAnswer());
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(299_999);
    expect(received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(received).toHaveLength(2);
    expect(events.of('sent')).toHaveLength(1);
  });

  it('gives up on a 400 with an error event carrying the status, and never retries it', async () => {
    replies = [status(400)];
    const { outbox, store, events } = start();
    const answer = makeAnswer();
    await outbox.enqueue(answer);
    await outbox.flush();
    await vi.advanceTimersByTimeAsync(3600_000);
    expect(received).toHaveLength(1);
    expect(events.of('error')).toEqual([{ kind: 'delivery', id: answer.id, status: 400, message: expect.stringContaining('HTTP 400') }]);
    expect(events.of('sent')).toEqual([]);
    expect(await stored(store)).toEqual([]);
    expect(outbox.status()).toMatchObject({ pending: 0, lastError: expect.stringContaining('400') });
  });

  it('keeps an answer the endpoint refuses with 403, says once how to allow the site, and delivers it once the site is allowed', async () => {
    replies = [status(403)];
    const log = quietLog();
    const { outbox, events, store } = start({ log, window: Object.assign(fakeWindow().window, { location: { origin: 'https://shop.example' } }) });
    const first = makeAnswer();
    const second = makeAnswer();
    await outbox.enqueue(first);
    await outbox.flush();
    await outbox.enqueue(second);
    await outbox.flush();
    expect(received).toHaveLength(2);
    expect(await stored(store)).toEqual([first.id, second.id].sort());
    expect(outbox.status().pending).toBe(2);
    // Tried again a minute later, not in a burst.
    await vi.advanceTimersByTimeAsync(59_000);
    expect(received).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(received).toHaveLength(4);
    // The owner allows the site: at the next try both go, once each.
    replies = [status(201)];
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events.of('sent').map((e) => e.id).sort()).toEqual([first.id, second.id].sort());
    expect(await stored(store)).toEqual([]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(received).toHaveLength(6);
    const lines = log.lines.filter((line) => line.includes('403'));
    expect(lines).toEqual([
      "error https://collect.example refused answers from https://shop.example (HTTP 403): allow https://shop.example in the owner's app, Settings → Sites. The answers are kept on this device and sent once the site is allowed.",
    ]);
    expect(events.of('error')).toEqual([{ kind: 'delivery', id: first.id, status: 403, message: lines[0].slice(6) }]);
  });

  it('an answer refused with 403 goes again at the next page view, without waiting out its minute', async () => {
    replies = [status(403)];
    const first = start();
    const answer = makeAnswer();
    await first.outbox.enqueue(answer);
    await first.outbox.flush();
    expect(received).toHaveLength(1);
    first.outbox.destroy();
    // The owner allows the site; the visitor opens the next page ten seconds later.
    replies = [status(201)];
    await vi.advanceTimersByTimeAsync(10_000);
    const next = start({ store: first.store });
    await next.outbox.flush();
    await settle();
    expect(received.map((r) => r.id)).toEqual([answer.id, answer.id]);
    expect(next.events.of('sent')).toEqual([expect.objectContaining({ id: answer.id, status: 201 })]);
    expect(await stored(first.store)).toEqual([]);
  });

  it('treats 409 (the receiver has it already) as delivered', async () => {
    replies = [status(409)];
    const { outbox, events } = start();
    await outbox.enqueue(makeAnswer());
    await outbox.flush();
    expect(events.of('sent')).toEqual([expect.objectContaining({ status: 409 })]);
    expect(events.of('error')).toEqual([]);
  });

  it('retries network failures while offline and delivers when the network is back', async () => {
    server.use(http.post(endpoint, () => HttpResponse.error()));
    const fake = fakeWindow();
    const { outbox, events } = start({ window: fake.window });
    await outbox.enqueue(makeAnswer());
    await outbox.flush();
    expect(outbox.status()).toMatchObject({ pending: 1, lastError: expect.stringContaining('network error') });
    server.resetHandlers();
    server.use(http.post(endpoint, () => new HttpResponse(null, { status: 201 })));
    fake.online();
    // The `online` flush waits 0.5–3 s (random() = 0: 0.5 s) so a whole office does not reconnect at once.
    await vi.advanceTimersByTimeAsync(499);
    expect(events.of('sent')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events.of('sent')).toHaveLength(1);
    expect(outbox.status()).toEqual({ pending: 0, storage: 'memory' });
  });

  it('coalesces concurrent flushes: one POST per answer', async () => {
    const { outbox } = start();
    const answers = [makeAnswer(), makeAnswer(), makeAnswer()];
    for (const answer of answers) await outbox.enqueue(answer, { held: true });
    for (const answer of answers) void outbox.release(answer.id);
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush(), outbox.flush()]);
    await settle();
    expect(ids().sort()).toEqual(answers.map((a) => a.id).sort());
  });

  it('reports status changes to subscribers (the kiosk shows "2 answers waiting")', async () => {
    server.use(http.post(endpoint, () => HttpResponse.error()));
    const { outbox } = start();
    const seen: string[] = [];
    outbox.subscribe((s) => seen.push(`${s.pending} ${s.lastError ?? 'ok'}`));
    await outbox.enqueue(makeAnswer());
    await outbox.enqueue(makeAnswer());
    await outbox.flush();
    await outbox.flush();
    expect(seen).toEqual(['1 ok', '2 ok', expect.stringMatching(/^2 network error .*retrying$/)]);
    expect(outbox.status().pending).toBe(2);
  });
});
