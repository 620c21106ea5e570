import type { Answer } from '../../../src/receiver';
import type { AnswerHooks } from '../answer-hooks';
import type { Database, Queryable } from '../db/database';

export type InsertResult = { stored: true; completed: false } | { stored: false; completed: boolean };

const columns = 'id, survey, type, score, scale_min, scale_max, comment, reasons, contact, mode, locale, url, answered_at, user_id, user_data, context, sdk, payload';

/**
 * Stores answers, in SQL both PGlite and PostgreSQL accept. Reading them back (exports, summary,
 * comments, cases) is the dashboard's and the inbox's (`src/dashboard/`, `src/inbox/`).
 */
export function createResponsesStore({ db, hooks }: { db: Database; hooks: AnswerHooks }) {
  return {
    /**
     * Stores an answer once, in one transaction with the registered hooks: `stored` is false when
     * its `id` was already there (a retry). A repeat that completes the stored copy — the SDK sent
     * the score when the page was hidden, then the visitor added a comment, reasons or contact
     * consent under the same `id` — fills in what was missing (`completed`) and runs the
     * completion hooks; an identical repeat changes nothing. If a hook throws, nothing is stored.
     * When the hooks' prechecks say none would write (most answers: not unhappy, no alert rule
     * matches, not a single-use survey), the answer is stored by one statement instead.
     */
    async insert(answer: Answer): Promise<InsertResult> {
      const context = hooks.storedContext(answer);
      const stored = context === answer.context ? answer : { ...answer, context };
      const values = [
        answer.id, answer.survey, answer.type, answer.score, answer.scale[0], answer.scale[1],
        answer.comment ?? null, answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true,
        answer.mode ?? null, answer.locale, answer.url, answer.answeredAt,
        typeof answer.user?.id === 'string' ? answer.user.id : null, answer.user ? JSON.stringify(answer.user) : null,
        context ? JSON.stringify(context) : null, answer.sdk, JSON.stringify(answer),
      ];
      // No hook would write for this answer (as the settings in memory say): one statement, no
      // transaction, stored only if the settings have not changed since (else the hooks decide).
      const plan = hooks.any() ? hooks.plan(stored) : undefined;
      if (plan) {
        const { rows } = await db.query(
          `INSERT INTO responses (${columns})
           SELECT $1, $2, $3, $4::integer, $5::integer, $6::integer, $7, $8::jsonb, $9::boolean, $10, $11, $12, $13::timestamptz, $14, $15::jsonb, $16::jsonb, $17, $18::jsonb
           WHERE (SELECT version FROM settings_version) = $19
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [...values, plan.settingsVersion],
        );
        // Nothing stored: a repeat, or the settings moved since they were read into memory.
        if (rows.length === 1) return { stored: true, completed: false };
      }
      // A repeat, settings changed, or a hook has work: the hooks run in the answer's transaction.
      // Without hooks nothing must commit with the answer, and each statement stands alone.
      const atomically = <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => (hooks.any() ? db.transaction(work) : work(db));
      return atomically(async (tx) => {
        const { rows } = await tx.query<{ settings_version: string | number }>(
          `INSERT INTO responses (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
           ON CONFLICT (id) DO NOTHING RETURNING id, (SELECT version FROM settings_version) AS settings_version`,
          values,
        );
        if (rows.length === 1) {
          await hooks.runStored(tx, stored, { settingsVersion: Number(rows[0].settings_version) });
          return { stored: true, completed: false } as const;
        }
        const completed = await tx.query<{ context: Record<string, unknown> | null; settings_version: string | number }>(
          `UPDATE responses SET comment = COALESCE(comment, $2), reasons = COALESCE(reasons, $3::jsonb), contact = contact OR $4,
             payload = $5::jsonb
           WHERE id = $1 AND ((comment IS NULL AND $2::text IS NOT NULL) OR (reasons IS NULL AND $3::jsonb IS NOT NULL) OR (NOT contact AND $4))
           RETURNING context, (SELECT version FROM settings_version) AS settings_version`,
          [answer.id, answer.comment ?? null, answer.reasons ? JSON.stringify(answer.reasons) : null, answer.contact === true, JSON.stringify(answer)],
        );
        const [done] = completed.rows;
        if (done) await hooks.runCompleted(tx, { ...answer, context: done.context ?? undefined }, { settingsVersion: Number(done.settings_version) });
        return { stored: false, completed: completed.rows.length === 1 } as const;
      });
    },
  };
}

export type ResponsesStore = ReturnType<typeof createResponsesStore>;
