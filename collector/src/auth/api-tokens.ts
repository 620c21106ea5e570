import { randomUUID } from 'node:crypto';
import type { Role } from '../app-env';
import type { Queryable } from '../db/database';
import { hashSecret, newSecret } from './secret';

export interface ApiToken {
  id: string;
  name: string;
  userId: string;
  email: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

/**
 * API tokens for exports and automation (`Authorization: Bearer hb_token_…`). A token acts for the
 * person who created it; the secret is shown once, at creation, and only its hash is kept.
 */
export function createApiTokens(db: Queryable, now: () => Date = () => new Date()) {
  const toToken = (row: Record<string, unknown>): ApiToken => ({
    id: String(row.id), name: String(row.name), userId: String(row.user_id), email: String(row.email),
    createdAt: new Date(row.created_at as string).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at as string).toISOString() : undefined,
    revokedAt: row.revoked_at ? new Date(row.revoked_at as string).toISOString() : undefined,
  });
  const select = `SELECT t.id, t.name, t.user_id, u.email, t.created_at, t.last_used_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id`;
  return {
    async create(userId: string, name: string): Promise<{ token: ApiToken; secret: string }> {
      const secret = newSecret('hb_token');
      const id = randomUUID();
      await db.query('INSERT INTO api_tokens (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)', [id, userId, name, hashSecret(secret)]);
      const { rows } = await db.query(`${select} WHERE t.id = $1`, [id]);
      return { token: toToken(rows[0]), secret };
    },
    /** The user a live token acts for (and notes its use), or null for an unknown or revoked token. */
    async find(secret: string): Promise<{ id: string; email: string; role: Role } | null> {
      const { rows } = await db.query(
        `UPDATE api_tokens t SET last_used_at = $2 FROM users u
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id RETURNING u.id, u.email, u.role`,
        [hashSecret(secret), now()],
      );
      return rows[0] ? { id: String(rows[0].id), email: String(rows[0].email), role: rows[0].role as Role } : null;
    },
    /** Every token (owners see all), or one person's. Revoked tokens stay listed, marked. */
    async list(userId?: string): Promise<ApiToken[]> {
      const { rows } = userId
        ? await db.query(`${select} WHERE t.user_id = $1 ORDER BY t.created_at DESC`, [userId])
        : await db.query(`${select} ORDER BY t.created_at DESC`);
      return rows.map(toToken);
    },
    /** Revokes a token; `userId` limits it to that person's tokens. False when there was no such live token. */
    async revoke(id: string, userId?: string): Promise<boolean> {
      const { rows } = await db.query(
        `UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL ${userId ? 'AND user_id = $3' : ''} RETURNING id`,
        userId ? [id, now(), userId] : [id, now()],
      );
      return rows.length === 1;
    },
  };
}

export type ApiTokens = ReturnType<typeof createApiTokens>;
