import { describe, expect, it } from 'vitest';
import { defaultBackoff, retryDelay } from '../../src/alerts/backoff';
import { parseRetryAfter } from '../../src/alerts/channels/post-json';
import { dueDigest, localDay } from '../../src/alerts/digest';
import { afterQuietHours } from '../../src/alerts/quiet-hours';

describe('retry timing', () => {
  const policy = { baseMs: 1000, capMs: 60_000, maxAttempts: 5 };

  it('doubles the wait each try, with jitter in [0.5, 1) of it, up to the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelay(attempt, policy, () => 0, null))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelay(3, policy, () => 0.999, null)).toBe(3998);
    expect(retryDelay(20, policy, () => 0.999, null)).toBe(59_970);
    expect(retryDelay(20, policy, () => 0, null)).toBe(30_000);
  });

  it('honours a longer Retry-After, never past the cap', () => {
    expect(retryDelay(1, policy, () => 0, 30_000)).toBe(30_000);
    expect(retryDelay(1, policy, () => 0, 10 * 60_000)).toBe(60_000);
    expect(retryDelay(3, policy, () => 0, 100)).toBe(2000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('gives up after a bounded number of tries by default', () => {
    expect(defaultBackoff.maxAttempts).toBeGreaterThan(1);
    expect(defaultBackoff.capMs).toBeLessThanOrEqual(3600_000);
  });
});

describe('quiet hours and digest days in the shop\'s time zone', () => {
  const zone = 'Asia/Bangkok';
  const at = (iso: string) => new Date(iso);

  it('holds an alert until quiet hours end, across midnight', () => {
    const quiet = { from: '22:00', to: '07:00' };
    expect(afterQuietHours(at('2026-11-30T14:59:00Z'), quiet, zone)).toEqual(at('2026-11-30T14:59:00Z')); // 21:59
    expect(afterQuietHours(at('2026-11-30T15:00:00Z'), quiet, zone)).toEqual(at('2026-12-01T00:00:00Z')); // 22:00 → 07:00
    expect(afterQuietHours(at('2026-11-30T20:00:00Z'), quiet, zone)).toEqual(at('2026-12-01T00:00:00Z')); // 03:00 → 07:00
    expect(afterQuietHours(at('2026-12-01T00:00:00Z'), quiet, zone)).toEqual(at('2026-12-01T00:00:00Z')); // 07:00
  });

  it('holds an alert within daytime quiet hours, and ignores empty ones', () => {
    expect(afterQuietHours(at('2026-11-30T05:30:00Z'), { from: '12:00', to: '13:30' }, zone)).toEqual(at('2026-11-30T06:30:00Z'));
    expect(afterQuietHours(at('2026-11-30T05:30:00Z'), { from: '12:00', to: '12:00' }, zone)).toEqual(at('2026-11-30T05:30:00Z'));
    expect(afterQuietHours(at('2026-11-30T05:30:00Z'), null, zone)).toEqual(at('2026-11-30T05:30:00Z'));
  });

  it('a local day is midnight to midnight in the zone', () => {
    expect(localDay('2026-11-29', zone)).toEqual({ from: at('2026-11-28T17:00:00Z'), to: at('2026-11-29T17:00:00Z') });
  });

  it('the digest of yesterday is due from the set local hour', () => {
    expect(dueDigest(at('2026-11-30T00:59:00Z'), 8, zone)).toBeNull();
    expect(dueDigest(at('2026-11-30T01:00:00Z'), 8, zone)).toEqual({ date: '2026-11-29', dueAt: at('2026-11-30T01:00:00Z') });
    expect(dueDigest(at('2026-11-30T16:59:00Z'), 8, zone)).toEqual({ date: '2026-11-29', dueAt: at('2026-11-30T01:00:00Z') });
  });
});
