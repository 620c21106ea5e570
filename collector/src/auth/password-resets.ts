import type { Database, Queryable } from '../db/database';
import { hashPassword } from './passwords';
import { hashSecret, newSecret } from './secret';

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

/** What a reset link is: live (for whom), or why it no longer works. */
export type ResetLink = { live: true; userId: string; email: string } | { live: false; why: 'unknown' | 'used' | 'expired' };

/**
 * One-time links for an owner or staff member who forgot their password, made by
 * `hearback-collector user reset-password EMAIL` (someone with access to the server). Only the
 * secret's SHA-256 is stored; a link works once and for `RESET_LINK_MINUTES`, and a new link for
 * the same person ends the older ones. Using it sets the password and ends every sign-in.
 */
export function createPasswordResets(db: Database, now: () => Date = () => new Date()) {
  async function read(q: Queryable, secret: string, lock = false): Promise<ResetLink> {
    const { rows } = await q.query<{ user_id: string; email: string; expires_at: string; used_at: string | null }>(
      `SELECT r.user_id, u.email, r.expires_at, r.used_at FROM password_resets r JOIN users u ON u.id = r.user_id
       WHERE r.token_hash = $1${lock ? ' FOR UPDATE OF r' : ''}`, [hashSecret(secret)]);
    const link = rows[0];
    if (!link) return { live: false, why: 'unknown' };
    if (link.used_at) return { live: false, why: 'used' };
    if (new Date(link.expires_at).getTime() <= now().getTime()) return { live: false, why: 'expired' };
    return { live: true, userId: String(link.user_id), email: String(link.email) };
  }
  return {
    /** A new link's secret for `userId` (earlier unused links for them stop working). */
    async create(userId: string): Promise<{ secret: string; expiresAt: Date }> {
      const secret = newSecret('hb_reset');
      const expiresAt = new Date(now().getTime() + RESET_LINK_MINUTES * 60_000);
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL', [userId]);
        await tx.query('INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [hashSecret(secret), userId, expiresAt]);
      });
      return { secret, expiresAt };
    },
    check: (secret: string) => read(db, secret),
    /** Sets the new password if the link is still live, uses the link up and ends all the person's sessions. */
    async use(secret: string, password: string): Promise<ResetLink> {
      const passwordHash = await hashPassword(password); // outside the transaction: scrypt is slow
      return db.transaction(async (tx) => {
        const link = await read(tx, secret, true);
        if (!link.live) return link;
        await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [link.userId, passwordHash]);
        await tx.query('UPDATE password_resets SET used_at = $2 WHERE token_hash = $1', [hashSecret(secret), now()]);
        await tx.query('DELETE FROM sessions WHERE user_id = $1', [link.userId]);
        return link;
      });
    },
  };
}

export type PasswordResets = ReturnType<typeof createPasswordResets>;

/**
 * Changes a signed-in person's password when `current` is right; ends their other sessions and
 * keeps the one whose cookie secret is `keepSession`. False when `current` is wrong.
 */
export async function changePassword(db: Database, { userId, current, password, keepSession, verify }: {
  userId: string;
  current: string;
  password: string;
  keepSession: string;
  verify: (password: string, hash: string) => Promise<boolean>;
}): Promise<boolean> {
  const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [userId]);
  if (!rows[0] || !(await verify(current, String(rows[0].password_hash)))) return false;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2', [userId, hashSecret(keepSession)]);
  });
  return true;
}
