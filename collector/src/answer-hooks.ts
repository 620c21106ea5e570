import type { Answer } from 'hearback/receiver';
import type { Queryable } from './db/database';

/**
 * Called inside the transaction that stores an answer: what a hook writes with `tx` commits or rolls
 * back together with the answer (alerts queue their deliveries here; the inbox opens a case). A hook
 * that throws rolls the answer back: an `AnswerRefused` (from `answer-refused.ts`) becomes its 400
 * or 409 with its message; anything else a 503, and the SDK retries the answer later. Hooks do
 * database work only — never network calls.
 */
export type AnswerHook = (tx: Queryable, answer: Answer, stored: StoredInfo) => Promise<void>;

/**
 * Whether a stored-answer hook would write anything for `answer`, decided in memory before the
 * answer is stored: `needed`, and the `settingsVersion` of the settings it decided with (none if it
 * reads no settings); `unknown` when it cannot tell yet (its settings are not in memory). When no
 * hook needs to write, the answer is stored in one statement, guarded by that version (see
 * `responses-store.ts`). A hook registered without a precheck always runs.
 */
export type Precheck = (answer: Answer) => { needed: boolean; settingsVersion?: number } | 'unknown';

/** The prechecks' verdict: write the answer alone, under `settingsVersion`; undefined: run the hooks. */
export type AnswerPlan = { alone: true; settingsVersion: number } | undefined;

/** What the store learnt while storing the answer. */
export interface StoredInfo {
  /**
   * `settings_version` as the answer's statement read it: the key for settings kept in memory
   * (`createSettingsCache`). Undefined when a hook runs outside the answer store.
   */
  settingsVersion?: number;
}

/**
 * Fields an answer's stored `context` gets besides the visitor's (the derived `channel`), worked
 * out before it is stored, so they go in with the one INSERT. The received payload is kept as
 * it came; hooks see the answer with the stored context.
 */
export type ContextEnricher = (answer: Answer) => Record<string, unknown> | undefined;

/** Where features register their hooks; the answer store runs them. */
export interface AnswerHooks {
  /** A new answer was stored (the first time its `id` arrived). */
  onAnswerStored(hook: AnswerHook, options?: { precheck?: Precheck }): void;
  /**
   * A repeat of a stored answer filled in what it lacked (a comment, reasons or contact consent
   * sent after the score); `answer` is the completed payload.
   */
  onAnswerCompleted(hook: AnswerHook): void;
  /** Adds fields to every new answer's stored `context` (an enricher decides whether to replace the visitor's). */
  enrichContext(enricher: ContextEnricher): void;
  /** The stored context of `answer`: the visitor's, plus what the enrichers add. */
  storedContext(answer: Answer): Record<string, unknown> | undefined;
  /** Whether `answer` (with its stored context) can be stored without running the hooks. */
  plan(answer: Answer): AnswerPlan;
  runStored(tx: Queryable, answer: Answer, stored?: StoredInfo): Promise<void>;
  runCompleted(tx: Queryable, answer: Answer, stored?: StoredInfo): Promise<void>;
  /** Whether any hook is registered (without one, storing an answer needs no transaction). */
  any(): boolean;
}

export function createAnswerHooks(): AnswerHooks {
  const stored: AnswerHook[] = [];
  const prechecks: (Precheck | undefined)[] = [];
  const completed: AnswerHook[] = [];
  const enrichers: ContextEnricher[] = [];
  const run = async (hooks: AnswerHook[], tx: Queryable, answer: Answer, info: StoredInfo = {}) => {
    for (const hook of hooks) await hook(tx, answer, info);
  };
  return {
    onAnswerStored(hook, { precheck } = {}) {
      stored.push(hook);
      prechecks.push(precheck);
    },
    plan(answer) {
      let version: number | undefined;
      for (const precheck of prechecks) {
        const verdict = precheck?.(answer) ?? 'unknown';
        if (verdict === 'unknown' || verdict.needed) return undefined;
        if (verdict.settingsVersion !== undefined) {
          if (version !== undefined && version !== verdict.settingsVersion) return undefined;
          version = verdict.settingsVersion;
        }
      }
      // Settings never read yet: run the hooks once, which reads them.
      return version === undefined ? undefined : { alone: true, settingsVersion: version };
    },
    onAnswerCompleted: (hook) => void completed.push(hook),
    enrichContext: (enricher) => void enrichers.push(enricher),
    storedContext(answer) {
      let context = answer.context;
      for (const enricher of enrichers) {
        const extra = enricher(answer);
        if (extra) context = { ...context, ...extra };
      }
      return context;
    },
    runStored: (tx, answer, info) => run(stored, tx, answer, info),
    runCompleted: (tx, answer, info) => run(completed, tx, answer, info),
    any: () => stored.length + completed.length > 0,
  };
}
