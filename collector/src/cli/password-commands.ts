import type { Config } from '../config';
import { createPasswordResets, RESET_LINK_MINUTES } from '../auth/password-resets';
import { normalizeEmail } from '../auth/users';
import type { Command } from './command';
import { CommandError } from './cli-io';
import { databaseDetails, databaseOptions, databaseUsage, withDatabase } from './database-flags';

/** Where people open the app: HEARBACK_PUBLIC_URL, else the address the server listens on. */
function appOrigin({ publicUrl, host, port }: Config): string {
  if (publicUrl) return publicUrl;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

export const userResetPassword: Command = {
  words: ['user', 'reset-password'],
  positionals: ['<email>'],
  summary: 'Print a one-time link (valid 1 hour) that lets someone who forgot their password set a new one.',
  options: { ...databaseOptions },
  usage: databaseUsage,
  details: `For an owner or staff member locked out: give them the link (it is printed once; only its hash is
stored). Opening it lets them set a new password, which signs them out everywhere. It works once
and for ${RESET_LINK_MINUTES} minutes; a new link for the same person ends the older one. The link starts with
HEARBACK_PUBLIC_URL, or the address the server listens on. Standard output is the link alone.

${databaseDetails}`,
  async run({ values, positionals, io }) {
    const email = normalizeEmail(positionals[0]);
    const url = await withDatabase(io, values, async (db, { config }) => {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
      if (!rows[0]) throw new CommandError(`user reset-password: no account for ${email}`);
      const { secret, expiresAt } = await createPasswordResets(db).create(String(rows[0].id));
      io.stderr.write(`a one-time link for ${email}, valid until ${expiresAt.toISOString()} (${RESET_LINK_MINUTES} minutes); it is shown once:\n`);
      return `${appOrigin(config)}/reset-password?token=${secret}`;
    });
    io.stdout.write(`${url}\n`);
    return 0;
  },
};
