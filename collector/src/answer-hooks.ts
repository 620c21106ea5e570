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
 *
 * A hook registered with a `grouped` write may answer `needed` with the `row` it would write (its
 * whole work for this answer): the answer then still goes with the group, and the row goes in the
 * same statement, only if the answer itself is stored.
 */
export type Precheck = (answer: Answer) => { needed: boolean; settingsVersion?: number; row?: readonly unknown[] } | 'unknown';

/**
 * A hook's whole write for one answer as one row of one table: `columns` with their SQL types, the
 * first holding the answer's id; `conflict` what follows `ON CONFLICT` (a repeat writes nothing).
 */
export interface GroupedWrite {
  table: string;
  columns: readonly (readonly [name: string, type: string])[];
  conflict: string;
}

/** One grouped write's row for one answer. */
export interface GroupedRow {
  write: GroupedWrite;
  values: readonly unknown[];
}

/**
 * The prechecks' verdict: store the answer with the group, under `settingsVersion`, with the rows
 * the hooks would write (`rows`, often none); undefined: run the hooks in the answer's transaction.
 */
export type AnswerPlan = { settingsVersion: number; rows: GroupedRow[] } | undefined;

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
  onAnswerStored(hook: AnswerHook, options?: { precheck?: Precheck; grouped?: GroupedWrite }): void;
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
  const groupedWrites: (GroupedWrite | undefined)[] = [];
  const completed: AnswerHook[] = [];
  const enrichers: ContextEnricher[] = [];
  const run = async (hooks: AnswerHook[], tx: Queryable, answer: Answer, info: StoredInfo = {}) => {
    for (const hook of hooks) await hook(tx, answer, info);
  };
  return {
    onAnswerStored(hook, { precheck, grouped } = {}) {
      stored.push(hook);
      prechecks.push(precheck);
      groupedWrites.push(grouped);
    },
    plan(answer) {
      let version: number | undefined;
      const rows: GroupedRow[] = [];
      for (const [at, precheck] of prechecks.entries()) {
        const verdict = precheck?.(answer) ?? 'unknown';
        if (verdict === 'unknown') return undefined;
        if (verdict.needed) {
          const write = groupedWrites[at];
          if (!write || !verdict.row) return undefined;
          rows.push({ write, values: verdict.row });
        }
        if (verdict.settingsVersion !== undefined) {
          if (version !== undefined && version !== verdict.settingsVersion) return undefined;
          version = verdict.settingsVersion;
        }
      }
      // Settings never read yet: run the hooks once, which reads them.
      return version === undefined ? undefined : { settingsVersion: version, rows };
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
