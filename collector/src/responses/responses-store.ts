import { hashAnswerKey, type Answer } from 'hearback/receiver';
import type { AnswerHooks } from '../answer-hooks';
import type { Database, Queryable } from '../db/database';
import { answerColumnNames, answerColumns, createGroupInsert } from './group-insert';

export type InsertResult = { stored: true; completed: false } | { stored: false; completed: boolean };

/**
 * Stores answers, in SQL both PGlite and PostgreSQL accept. Reading them back (exports, summary,
 * comments, cases) is the dashboard's and the inbox's (`src/dashboard/`, `src/inbox/`).
 */
export function createResponsesStore({ db, hooks }: { db: Database; hooks: AnswerHooks }) {
  const groupInsert = createGroupInsert(db);
  return {
    /**
     * Stores an answer once, in one transaction with the registered hooks: `stored` is false when
     * its `id` was already there (a retry). The answer's `key` is kept only as its hash, and the
     * stored raw answer (`payload`, what the privacy export shows) never holds it.
     *
     * A repeat that carries the same `key` may complete the stored copy — the SDK sent the score
     * when the page was hidden, then the visitor added a comment, reasons, contact consent or how to
     * reach them (`contactVia`) — and
     * only by filling in what was missing (`completed`); the completion hooks then run on the
     * stored answer with what was added, never on the posted body. Everything else of a repeat is
     * ignored: without the key, with another key, or for an answer stored without one, a repeat is
     * a duplicate and changes nothing. If a hook throws, nothing is stored.
     * When the hooks' prechecks say none would write, or only a row they can group (most answers:
     * no alert rule matches, not a single-use survey; an unhappy one opens its case), the answer is
     * stored with the others arriving at the same time, in one statement and one commit
     * (`group-insert.ts`).
     */
    async insert(posted: Answer): Promise<InsertResult> {
      const { key, ...answer } = posted;
      const keyHash = key ? await hashAnswerKey(key) : null;
      const context = hooks.storedContext(answer);
      const stored = context === answer.context ? answer : { ...answer, context };
      const values = [
        answer.id, answer.survey, answer.type, answer.score, answer.scale[0], answer.scale[1],
        answer.comment ?? null, answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true,
        answer.mode ?? null, answer.locale, answer.url, answer.answeredAt,
        typeof answer.user?.id === 'string' ? answer.user.id : null, answer.user ? JSON.stringify(answer.user) : null,
        context ? JSON.stringify(context) : null, answer.sdk, JSON.stringify(answer), keyHash,
        answer.contactVia ? JSON.stringify(answer.contactVia) : null,
      ];
      // No hook would write for this answer, or only rows it can group (as the settings in memory
      // say): stored with the answers arriving meanwhile, no transaction of its own, only if the
      // settings have not changed since.
      const plan = hooks.any() ? hooks.plan(stored) : undefined;
      if (plan) {
        const outcome = await groupInsert.store({ id: answer.id, values, settingsVersion: plan.settingsVersion, rows: plan.rows });
        if (outcome === 'stored') return { stored: true, completed: false };
        // A repeat without a key can complete nothing: a duplicate, with no transaction.
        if (outcome === 'exists' && !keyHash) return { stored: false, completed: false };
      }
      // Not stored that way — a repeat with its key, the settings moved, or a hook has work: the hooks run in the answer's transaction.
      // Without hooks nothing must commit with the answer, and each statement stands alone.
      const atomically = <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => (hooks.any() ? db.transaction(work) : work(db));
      return atomically(async (tx) => {
        const { rows } = await tx.query<{ settings_version: string | number }>(
          `INSERT INTO responses (${answerColumnNames}) VALUES (${answerColumns.map((_, i) => `$${i + 1}`).join(', ')})
           ON CONFLICT (id) DO NOTHING RETURNING id, (SELECT version FROM settings_version) AS settings_version`,
          values,
        );
        if (rows.length === 1) {
          await hooks.runStored(tx, stored, { settingsVersion: Number(rows[0].settings_version) });
          return { stored: true, completed: false } as const;
        }
        // Only with the answer's own key, and only what it lacked; the raw answer gains the same fields.
        const completed = await tx.query<{ payload: Answer | string; context: Record<string, unknown> | null; settings_version: string | number }>(
          `UPDATE responses SET comment = COALESCE(comment, $2), reasons = COALESCE(reasons, $3::jsonb), contact = contact OR $4,
             contact_via = COALESCE(contact_via, $6::jsonb),
             payload = payload || jsonb_strip_nulls(jsonb_build_object(
               'comment', CASE WHEN comment IS NULL THEN $2::text END,
               'reasons', CASE WHEN reasons IS NULL THEN $3::jsonb END,
               'contact', CASE WHEN NOT contact AND $4 THEN true END,
               'contactVia', CASE WHEN contact_via IS NULL THEN $6::jsonb END))
           WHERE id = $1 AND key_hash = $5
             AND ((comment IS NULL AND $2::text IS NOT NULL) OR (reasons IS NULL AND $3::jsonb IS NOT NULL) OR (NOT contact AND $4)
               OR (contact_via IS NULL AND $6::jsonb IS NOT NULL))
           RETURNING payload, context, (SELECT version FROM settings_version) AS settings_version`,
          [answer.id, answer.comment ?? null, answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true, keyHash, answer.contactVia ? JSON.stringify(answer.contactVia) : null],
        );
        const [done] = completed.rows;
        if (done) {
          const storedAnswer: Answer = typeof done.payload === 'string' ? JSON.parse(done.payload) : done.payload;
          await hooks.runCompleted(tx, { ...storedAnswer, context: done.context ?? undefined }, { settingsVersion: Number(done.settings_version) });
        }
        return { stored: false, completed: completed.rows.length === 1 } as const;
      });
    },
  };
}

export type ResponsesStore = ReturnType<typeof createResponsesStore>;
