import { describe, expect, it } from 'vitest';
import { backoffMs, decide, retryAfterMs } from '../../../src/outbox/retry-policy';

const now = Date.parse('2026-11-23T10:00:00Z');

describe('retry policy', () => {
  it('backs off from about 1 s, doubling, with jitter, capped at 5 min', () => {
    const low = Array.from({ length: 12 }, (_, failures) => backoffMs(failures, () => 0));
    const high = Array.from({ length: 12 }, (_, failures) => backoffMs(failures, () => 1));
    expect(low).toEqual([500, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 150000, 150000, 150000]);
    expect(high).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000, 300000]);
    expect(backoffMs(1000, () => 1)).toBe(300000);
  });

  it.each([200, 201, 204, 299, 409])('HTTP %i means delivered', (status) => {
    expect(decide(status, null, 0, now, () => 0)).toEqual({ kind: 'delivered' });
  });

  it.each([408, 425, 429, 500, 502, 503, 504, 599])('HTTP %i is retried', (status) => {
    expect(decide(status, null, 2, now, () => 0)).toEqual({ kind: 'retry', delayMs: 2000 });
  });

  it('a network failure (no status) is retried', () => {
    expect(decide(undefined, null, 0, now, () => 0)).toEqual({ kind: 'retry', delayMs: 500 });
  });

  it.each([400, 401, 404, 410, 413, 422, 301])('HTTP %i is given up', (status) => {
    expect(decide(status, '5', 0, now, () => 0)).toEqual({ kind: 'drop' });
  });

  it('HTTP 403 (this site is not allowed yet) is kept and tried again at least a minute later, then on the backoff', () => {
    expect(decide(403, null, 0, now, () => 0)).toEqual({ kind: 'retry', delayMs: 60_000, refusedOrigin: true });
    expect(decide(403, null, 9, now, () => 1)).toEqual({ kind: 'retry', delayMs: 300_000, refusedOrigin: true });
  });

  it('honours Retry-After in seconds and as an HTTP date, up to 5 minutes', () => {
    expect(decide(503, '120', 0, now, () => 0)).toEqual({ kind: 'retry', delayMs: 120_000 });
    expect(retryAfterMs(new Date(now + 42_000).toUTCString(), now)).toBe(42_000);
    expect(retryAfterMs('86400', now)).toBe(300_000);
    expect(retryAfterMs(new Date(now + 3600_000).toUTCString(), now)).toBe(300_000);
    expect(retryAfterMs(new Date(now - 10_000).toUTCString(), now)).toBe(0);
  });

  it('ignores a Retry-After it cannot read and falls back to backoff', () => {
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(decide(429, 'soon', 3, now, () => 0)).toEqual({ kind: 'retry', delayMs: 4000 });
  });
});
