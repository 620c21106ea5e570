import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (256 bits, base64url) with a readable prefix: `hb_session_…`, `hb_token_…`. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * What the database keeps of a secret: its SHA-256. The secrets are random and long, so a fast
 * hash is enough (no salt or stretching needed, unlike passwords), and lookups stay one index read.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
