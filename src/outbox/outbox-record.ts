import * as z from 'zod/mini';
import { lazy } from '../common/lazy';
import { getAnswerSchema } from '../payload/answer-schema';

/**
 * One queued answer as stored under `outbox:<answer id>`. Records are read back through this
 * schema: anything else in the store (another version, a host script, a corrupted write) is dropped.
 */
const buildRecordSchema = () => z.object({
  answer: getAnswerSchema(),
  /** When it was first stored (ms): the age for the TTL and the order for eviction. */
  queuedAt: z.number(),
  /** Not before this time (ms): backoff and `Retry-After`. */
  nextAt: z.number(),
  /** Failed attempts so far. */
  failures: z.number(),
  /** Bumped by `amend`: a reply to an older version must not delete the newer one. */
  rev: z.number(),
  /** UTF-8 bytes of the JSON body. */
  bytes: z.number(),
  /** The page that may still amend it; other pages (later visits) may send it. */
  heldBy: z.optional(z.string()),
  /** Until when (ms) it waits for its follow-up; after that it goes as it is, and a comment amends it. */
  heldUntil: z.optional(z.number()),
  /** The endpoint refused this site's origin (403) at the last attempt: the next page view tries it at once. */
  refused: z.optional(z.boolean()),
  /** Who is sending it, until when: keeps two tabs from posting it together. */
  lease: z.optional(z.object({ tab: z.string(), until: z.number() })),
});

export const outboxRecordSchema = lazy(buildRecordSchema);
export type OutboxRecord = z.output<ReturnType<typeof buildRecordSchema>>;

export const recordKey = (id: string) => 'outbox:' + id;

export const byAge = (a: OutboxRecord, b: OutboxRecord) => a.queuedAt - b.queuedAt;

export const leasedElsewhere = (record: OutboxRecord | undefined, tab: string, now: number) =>
  !!record?.lease && record.lease.tab !== tab && record.lease.until > now;
