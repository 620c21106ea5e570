import { credentialsSchema, describeProblems } from '../auth/credentials';
import { createApiTokens } from '../auth/api-tokens';
import { createUsers } from '../auth/users';
import type { Queryable } from '../db/database';
import type { Command } from './command';
import { CommandError } from './cli-io';
import { databaseDetails, databaseOptions, databaseUsage, withDatabase } from './database-flags';
import { passwordVariable, readPassword } from './read-password';

export const userAdd: Command = {
  words: ['user', 'add'],
  positionals: ['<email>'],
  summary: 'Add a person who may sign in (staff by default).',
  options: { role: { type: 'string', default: 'staff' }, 'password-stdin': { type: 'boolean' }, ...databaseOptions },
  usage: `[--role owner|staff] [--password-stdin] ${databaseUsage}`,
  details: `The password is never a command-line argument. On a terminal you are asked for it (twice, not
shown); otherwise give it on standard input with --password-stdin, or in ${passwordVariable}.
At least 10 characters.

  printf '%s\\n' "$PASSWORD" | hearback-collector user add staff@shop.example --password-stdin

${databaseDetails}`,
  async run({ values, positionals, io }) {
    const role = values.role;
    if (role !== 'owner' && role !== 'staff') throw new CommandError(`user add: --role must be owner or staff (got ${JSON.stringify(role)})`, 2);
    const source = await readPassword({ ...io, fromStdin: values['password-stdin'] === true });
    if ('problem' in source) throw new CommandError(`user add: ${source.problem}`, 2);
    const parsed = credentialsSchema.safeParse({ email: positionals[0], password: source.password });
    if (!parsed.success) throw new CommandError(`user add: ${describeProblems(parsed.error).join('; ')}`, 2);
    const user = await withDatabase(io, values, (db) => createUsers(db).add({ ...parsed.data, role }));
    if (!user) throw new CommandError(`user add: ${parsed.data.email} already has an account`);
    io.stdout.write(`added ${user.email} (${user.role}), id ${user.id}\n`);
    return 0;
  },
};

export const tokenCreate: Command = {
  words: ['token', 'create'],
  positionals: ['<name>'],
  summary: 'Create an API token for exports and automation; it is printed once.',
  options: { user: { type: 'string' }, ...databaseOptions },
  usage: `[--user <email>] ${databaseUsage}`,
  details: `The token acts for --user (default: the owner) and reads what that person may read. Send it as
Authorization: Bearer <token>. Only its hash is stored: copy it now, it is not shown again.
Standard output is the token alone, so a script can capture it.

${databaseDetails}`,
  async run({ values, positionals, io }) {
    const name = positionals[0].trim();
    if (!name || name.length > 100) throw new CommandError('token create: <name> must be 1 to 100 characters', 2);
    const secret = await withDatabase(io, values, async (db) => {
      const user = await tokenOwner(db, values.user as string | undefined);
      const created = await createApiTokens(db).create(user.id, name);
      io.stderr.write(`token "${name}" (id ${created.token.id}) acts for ${user.email}; it is shown once:\n`);
      return created.secret;
    });
    io.stdout.write(`${secret}\n`);
    return 0;
  },
};

async function tokenOwner(db: Queryable, email: string | undefined) {
  const users = await createUsers(db).list();
  const user = email ? users.find((candidate) => candidate.email === email.trim().toLowerCase()) : users.find((candidate) => candidate.role === 'owner');
  if (!user) throw new CommandError(email ? `token create: no account for ${email}` : 'token create: there is no owner yet (start the server once, or run user add <email> --role owner)');
  return user;
}

export const tokenRevoke: Command = {
  words: ['token', 'revoke'],
  positionals: ['<id|name>'],
  summary: 'Revoke an API token, by its id or its name.',
  options: { ...databaseOptions },
  usage: databaseUsage,
  details: `A name shared by several live tokens is refused: revoke them by id (the error lists them).

${databaseDetails}`,
  async run({ values, positionals, io }) {
    const key = positionals[0];
    const revoked = await withDatabase(io, values, async (db) => {
      const tokens = createApiTokens(db);
      const live = (await tokens.list()).filter((token) => !token.revokedAt && (token.id === key || token.name === key));
      if (live.length === 0) throw new CommandError(`token revoke: no live token with id or name ${JSON.stringify(key)}`);
      if (live.length > 1) throw new CommandError(`token revoke: ${live.length} live tokens are named ${JSON.stringify(key)}; revoke one by id: ${live.map((t) => t.id).join(', ')}`);
      await tokens.revoke(live[0].id);
      return live[0];
    });
    io.stdout.write(`revoked token "${revoked.name}" (id ${revoked.id})\n`);
    return 0;
  },
};
