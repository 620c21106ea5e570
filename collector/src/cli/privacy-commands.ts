import { parseSelector, type AnswerSelector } from '../privacy/answer-selector';
import { createAnswerEraser } from '../privacy/erase-answers';
import { createAnswerExporter } from '../privacy/export-answers';
import type { Command } from './command';
import { CommandError } from './cli-io';
import { databaseDetails, databaseOptions, databaseUsage, withDatabase } from './database-flags';

const selectorOptions = { user: { type: 'string' }, email: { type: 'string' }, answer: { type: 'string' } } as const;

function selector(name: string, values: Record<string, unknown>): AnswerSelector {
  const parsed = parseSelector({ user: values.user, email: values.email, answer: values.answer });
  if (!parsed.ok) throw new CommandError(`${name}: ${parsed.problems.join('; ').replace(/\b(user|email|answer)\b(?= \(|,| or| and| must|$)/g, '--$1')}`, 2);
  return parsed.selector;
}

export const erase: Command = {
  words: ['erase'],
  positionals: [],
  summary: "Erase one person's answers (--user or --email) or one answer (--answer), for good.",
  options: { ...selectorOptions, ...databaseOptions },
  usage: `--user <id> | --email <address> | --answer <id> ${databaseUsage}`,
  details: `--user is the user id the site passed to the widget (identify() or init({ user })), a number or a
string; --email is the user's email the site passed (user.email, any case); --answer is an answer's id.
Everything derived from those answers (inbox cases, alert deliveries) goes with them.
Prints the ids of the answers it deleted.

${databaseDetails}`,
  async run({ values, io }) {
    const which = selector('erase', values);
    const erased = await withDatabase(io, values, (db) => createAnswerEraser({ db })(which));
    io.stdout.write(`erased ${erased.answers.length} answer${erased.answers.length === 1 ? '' : 's'} of ${erased.about}${erased.answers.map((id) => `\n  ${id}`).join('')}\n`);
    return 0;
  },
};

export const exportAnswers: Command = {
  words: ['export'],
  positionals: [],
  summary: "Print one person's answers (--user or --email) or one answer (--answer) as JSON.",
  options: { ...selectorOptions, ...databaseOptions },
  usage: `--user <id> | --email <address> | --answer <id> ${databaseUsage}`,
  details: `For a person's request to see their data: every answer as it was received, oldest first.

${databaseDetails}`,
  async run({ values, io }) {
    const which = selector('export', values);
    const exported = await withDatabase(io, values, (db) => createAnswerExporter({ db })(which));
    io.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
    return 0;
  },
};
