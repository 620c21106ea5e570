import type { Role } from '../app-env';
import type { Queryable } from '../db/database';
import { hashSecret, newSecret } from './secret';

/** How long a sign-in lasts; signing out or removing the account ends it sooner. */
export const SESSION_DAYS = 14;

/** Sessions in the database, so every instance on it knows them. The cookie holds the only copy of the id. */
export function createSessions(db: Queryable, now: () => Date = () => new Date()) {
  return {
    /** Starts a session; returns the secret for the cookie and when it ends. */
    async start(userId: string): Promise<{ secret: string; expiresAt: Date }> {
      const secret = newSecret('hb_session');
      const expiresAt = new Date(now().getTime() + SESSION_DAYS * 86_400_000);
      // Sign-in is a good moment to forget expired sessions (an index read on expires_at).
      await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now()]);
      await db.query('INSERT INTO sessions (id_hash, user_id, expires_at) VALUES ($1, $2, $3)', [hashSecret(secret), userId, expiresAt]);
      return { secret, expiresAt };
    },
    /** The signed-in user for a cookie's secret, or null when unknown or expired. */
    async find(secret: string): Promise<{ id: string; email: string; role: Role } | null> {
      const { rows } = await db.query(
        `SELECT u.id, u.email, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.expires_at > $2`,
        [hashSecret(secret), now()],
      );
      return rows[0] ? { id: String(rows[0].id), email: String(rows[0].email), role: rows[0].role as Role } : null;
    },
    async end(secret: string): Promise<void> {
      await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashSecret(secret)]);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
