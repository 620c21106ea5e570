import type { Queryable } from '../db/database';

/** A LINE group the bot is in, for the alert channel form. */
export interface LineGroup {
  id: string;
  name: string;
  joinedAt: Date;
}

/** The groups the bot was added to (`join`) and not removed from (`leave`). */
export function createGroupStore(db: Queryable) {
  return {
    async joined(id: string, name: string, at: Date): Promise<void> {
      await db.query(
        `INSERT INTO line_groups (group_id, name, joined_at) VALUES ($1, $2, $3)
         ON CONFLICT (group_id) DO UPDATE SET name = CASE WHEN EXCLUDED.name = '' THEN line_groups.name ELSE EXCLUDED.name END, joined_at = EXCLUDED.joined_at, left_at = NULL`,
        [id, name, at],
      );
    },
    async left(id: string, at: Date): Promise<void> {
      await db.query('UPDATE line_groups SET left_at = $2 WHERE group_id = $1', [id, at]);
    },
    async list(): Promise<LineGroup[]> {
      const { rows } = await db.query<{ group_id: string; name: string; joined_at: Date | string }>(
        'SELECT group_id, name, joined_at FROM line_groups WHERE left_at IS NULL ORDER BY joined_at DESC',
      );
      return rows.map((row) => ({ id: row.group_id, name: row.name, joinedAt: new Date(row.joined_at) }));
    },
  };
}

export type GroupStore = ReturnType<typeof createGroupStore>;
