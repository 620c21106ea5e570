import type { Queryable } from '../db/database';
import { toContextLabels, type ContextLabel, type ContextLabels } from './context-labels';

/** The owner's names for context keys and values, in the database. Input is parsed before it gets here. */
export interface ContextLabelStore {
  list(): Promise<ContextLabel[]>;
  /** The names as pages use them. */
  labels(): Promise<ContextLabels>;
  /** Creates or replaces the name of this key (value '') or value. */
  save(label: ContextLabel): Promise<void>;
  /** False when there was no such name. */
  remove(key: string, value: string): Promise<boolean>;
}

export function createContextLabelStore(db: Queryable): ContextLabelStore {
  const list = async () => (await db.query<ContextLabel & Record<string, unknown>>('SELECT key, value, en, th FROM context_labels ORDER BY key, value')).rows
    .map(({ key, value, en, th }) => ({ key, value, en, th }));
  return {
    list,
    labels: async () => toContextLabels(await list()),
    async save({ key, value, en, th }) {
      await db.query(
        `INSERT INTO context_labels (key, value, en, th) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key, value) DO UPDATE SET en = excluded.en, th = excluded.th, updated_at = now()`,
        [key, value, en, th],
      );
    },
    async remove(key, value) {
      const { rows } = await db.query('DELETE FROM context_labels WHERE key = $1 AND value = $2 RETURNING key', [key, value]);
      return rows.length > 0;
    },
  };
}
