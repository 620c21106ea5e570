import type { HearbackEvents } from '../engine/events';
import type { Answer } from '../payload/answer-schema';

export interface OutboxStatus {
  /** Answers stored and not yet acknowledged by the endpoint, not counting a score held for its follow-up. */
  pending: number;
  /** The last delivery or storage problem, cleared by the next success. */
  lastError?: string;
  storage: 'indexeddb' | 'memory';
}

/**
 * Persist-first delivery. `enqueue` resolves once the answer is stored; a `held` answer is kept
 * back (a follow-up may still amend it) until `release`, page hide, a minute without a follow-up,
 * or the next visit.
 */
export interface Outbox {
  enqueue(answer: Answer, options?: { held?: boolean }): Promise<void>;
  /** Replaces a stored answer with the same `id` (score plus comment = one answer) and releases it. */
  amend(answer: Answer): Promise<void>;
  release(id: string): Promise<void>;
  /** Tries to deliver everything now; resolves when done or when nothing more can go now. */
  flush(): Promise<void>;
  status(): OutboxStatus;
  /** Called with the status whenever it changes (kiosk: "3 answers waiting for the network"). */
  subscribe(listener: (status: OutboxStatus) => void): () => void;
  destroy(): void;
}

export type OutboxEmit = <K extends 'queued' | 'sent' | 'error'>(event: K, detail: HearbackEvents[K]) => void;
