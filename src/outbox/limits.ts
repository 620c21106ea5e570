import { byAge, type OutboxRecord } from './outbox-record';

export interface OutboxLimits {
  /** @default 200 answers */
  maxCount: number;
  /** Sum of JSON body bytes. @default 1_000_000 */
  maxBytes: number;
  /** Answers older than this are dropped unsent. @default 7 days (Safari clears script storage after 7 days without a visit anyway) */
  ttlMs: number;
}

export const defaultLimits: OutboxLimits = { maxCount: 200, maxBytes: 1_000_000, ttlMs: 7 * 24 * 3600_000 };

/**
 * Which records must go: `expired` (older than the TTL) and `evicted` (the oldest, until the rest
 * fit the count and byte limits). `keep` (the answer just given) is never evicted.
 */
export function overLimits(records: OutboxRecord[], limits: OutboxLimits, now: number, keep?: string) {
  const expired = records.filter((record) => now - record.queuedAt > limits.ttlMs);
  const live = records.filter((record) => !expired.includes(record)).sort(byAge);
  let bytes = live.reduce((sum, record) => sum + record.bytes, 0);
  let count = live.length;
  const evicted: OutboxRecord[] = [];
  for (const record of live) {
    if (count <= limits.maxCount && bytes <= limits.maxBytes) break;
    if (record.answer.id === keep) continue;
    evicted.push(record);
    count--;
    bytes -= record.bytes;
  }
  return { expired, evicted };
}
