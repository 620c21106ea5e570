import type { Config } from '../config';
import type { Queryable } from '../db/database';
import { hashSecret, newSecret } from './secret';
import type { Users } from './users';

const SETUP_LINK_HOURS = 24;

/**
 * On start, when nobody can sign in yet: creates the owner from `HEARBACK_ADMIN_EMAIL` and
 * `HEARBACK_ADMIN_PASSWORD`, or else a one-time setup link (valid 24 hours) for the process to
 * print. Once any account exists it does nothing (the variables never reset a password).
 */
export async function ensureOwner({ db, users, config, origin, now = () => new Date() }: {
  db: Queryable;
  users: Users;
  config: Pick<Config, 'admin'>;
  /** Where the link points: HEARBACK_PUBLIC_URL, or the address the server listens on. */
  origin: string;
  now?: () => Date;
}): Promise<{ owner: string } | { setupUrl: string } | null> {
  if ((await users.count()) > 0) return null;
  if (config.admin) {
    await users.add({ ...config.admin, role: 'owner' });
    return { owner: config.admin.email };
  }
  const secret = newSecret('hb_setup');
  await db.query('INSERT INTO setup_links (token_hash, expires_at) VALUES ($1, $2)', [hashSecret(secret), new Date(now().getTime() + SETUP_LINK_HOURS * 3_600_000)]);
  return { setupUrl: `${origin}/setup?token=${secret}` };
}

/** Whether a setup link is live (unused, unexpired, and still nobody has an account). */
export async function setupLinkIsLive(db: Queryable, secret: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM setup_links WHERE token_hash = $1 AND expires_at > $2 AND NOT EXISTS (SELECT 1 FROM users)',
    [hashSecret(secret), now],
  );
  return rows.length === 1;
}

/** Uses up every setup link: there is an owner now. */
export async function endSetupLinks(db: Queryable): Promise<void> {
  await db.query('DELETE FROM setup_links');
}
