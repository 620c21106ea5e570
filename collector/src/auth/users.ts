import { randomUUID } from 'node:crypto';
import type { Role } from '../app-env';
import type { Queryable } from '../db/database';
import { hashPassword } from './passwords';

export interface User {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
}

/** The signed-in app's accounts. Emails are kept lower-case and trimmed. */
export function createUsers(db: Queryable) {
  const toUser = (row: Record<string, unknown>): User => ({
    id: String(row.id), email: String(row.email), role: row.role as Role, createdAt: new Date(row.created_at as string).toISOString(),
  });
  return {
    /** Adds an account; `null` when the email is taken. */
    async add({ email, password, role }: { email: string; password: string; role: Role }): Promise<User | null> {
      const { rows } = await db.query(
        `INSERT INTO users (id, email, password_hash, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING RETURNING id, email, role, created_at`,
        [randomUUID(), normalizeEmail(email), await hashPassword(password), role],
      );
      return rows[0] ? toUser(rows[0]) : null;
    },
    /** The account and its password hash, for sign-in. */
    async withPassword(email: string): Promise<(User & { passwordHash: string }) | null> {
      const { rows } = await db.query('SELECT id, email, role, created_at, password_hash FROM users WHERE email = $1', [normalizeEmail(email)]);
      return rows[0] ? { ...toUser(rows[0]), passwordHash: String(rows[0].password_hash) } : null;
    },
    async list(): Promise<User[]> {
      const { rows } = await db.query('SELECT id, email, role, created_at FROM users ORDER BY role DESC, email');
      return rows.map(toUser);
    },
    async count(): Promise<number> {
      const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
      return Number(rows[0].count);
    },
    /** Removes an account with its sessions and tokens; false when there was none. */
    async remove(id: string): Promise<boolean> {
      const { rows } = await db.query('DELETE FROM users WHERE id = $1 RETURNING id', [id]);
      return rows.length === 1;
    },
    async setPassword(id: string, password: string): Promise<boolean> {
      const { rows } = await db.query('UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING id', [id, await hashPassword(password)]);
      return rows.length === 1;
    },
  };
}

export type Users = ReturnType<typeof createUsers>;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
