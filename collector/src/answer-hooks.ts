import type { Answer } from '../../src/receiver';
import type { Queryable } from './db/database';

/**
 * Called inside the transaction that stores an answer: what a hook writes with `tx` commits or rolls
 * back together with the answer (alerts queue their deliveries here; the inbox opens a case). A hook
 * that throws rolls the answer back: an `AnswerRefused` (from `answer-refused.ts`) becomes its 400
 * or 409 with its message; anything else a 503, and the SDK retries the answer later. Hooks do
 * database work only — never network calls.
 */
export type AnswerHook = (tx: Queryable, answer: Answer) => Promise<void>;

/** Where features register their hooks; the answer store runs them. */
export interface AnswerHooks {
  /** A new answer was stored (the first time its `id` arrived). */
  onAnswerStored(hook: AnswerHook): void;
  /**
   * A repeat of a stored answer filled in what it lacked (a comment, reasons or contact consent
   * sent after the score); `answer` is the completed payload.
   */
  onAnswerCompleted(hook: AnswerHook): void;
  runStored(tx: Queryable, answer: Answer): Promise<void>;
  runCompleted(tx: Queryable, answer: Answer): Promise<void>;
  /** Whether any hook is registered (without one, storing an answer needs no transaction). */
  any(): boolean;
}

export function createAnswerHooks(): AnswerHooks {
  const stored: AnswerHook[] = [];
  const completed: AnswerHook[] = [];
  const run = async (hooks: AnswerHook[], tx: Queryable, answer: Answer) => {
    for (const hook of hooks) await hook(tx, answer);
  };
  return {
    onAnswerStored: (hook) => void stored.push(hook),
    onAnswerCompleted: (hook) => void completed.push(hook),
    runStored: (tx, answer) => run(stored, tx, answer),
    runCompleted: (tx, answer) => run(completed, tx, answer),
    any: () => stored.length + completed.length > 0,
  };
}
