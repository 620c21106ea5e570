import { listMigrations } from '../db/migrate';
import type { Command } from './command';
import { databaseDetails, databaseOptions, databaseUsage, withDatabase } from './database-flags';

export const migrateCommand: Command = {
  words: ['migrate'],
  positionals: [],
  summary: 'Bring the database schema up to date, then exit (the server also does this on start).',
  options: { ...databaseOptions },
  usage: databaseUsage,
  details: `Safe to run at any time and from several machines at once: migrations run in one transaction
under a database lock, each once. Prints what it applied.

${databaseDetails}`,
  async run({ values, io }) {
    const applied = await withDatabase(io, values, async (_db, opened) => opened.applied);
    const names = new Map(listMigrations().map((m) => [m.version, `${String(m.version).padStart(3, '0')}-${m.name}`]));
    io.stdout.write(applied.length ? `applied ${applied.map((v) => names.get(v) ?? v).join(', ')}\n` : 'the schema was up to date; nothing to apply\n');
    return 0;
  },
};
