import { loadConfig } from '../config';
import { createLinkSigner } from '../links/link-signer';
import { createLinkStore } from '../links/link-store';
import { makeSurveyLink } from '../links/make-link';
import type { Command } from './command';
import { CommandError } from './cli-io';
import { databaseDetails, databaseOptions, databaseUsage, withDatabase } from './database-flags';

/** `order=1001` → ['order', '1001']; the value may itself hold `=`. */
function fieldOf(flag: string): [string, string] {
  const at = flag.indexOf('=');
  if (at <= 0) throw new CommandError(`link: --field ${JSON.stringify(flag)} must be name=value, e.g. --field order=1001`, 2);
  return [flag.slice(0, at), flag.slice(at + 1)];
}

export const linkCommand: Command = {
  words: ['link'],
  positionals: [],
  summary: "Print a survey's link with its fields (signed, for a single-use survey).",
  options: { survey: { type: 'string' }, field: { type: 'string', multiple: true }, 'public-url': { type: 'string' }, ...databaseOptions },
  usage: `--survey <id> [--field name=value …] [--public-url https://…] ${databaseUsage}`,
  details: `Makes the same link as the links page, for receipts and messages printed by another program:
  hearback-collector link --survey receipt --field order=1001 --field branch=Siam
prints https://feedback.shop.example/s/receipt?order=1001&branch=Siam&sig=…

--survey is a survey made on the links page; each --field one of its fields (a single-use survey
needs --field order=…). A single-use survey's link carries sig, the app's signature over the survey
and the fields: an answer whose fields are not signed is refused, so nobody can use up an order by
posting its number first. Changing a field by hand breaks the signature; make a new link instead.
The address starts with HEARBACK_PUBLIC_URL (--public-url).

${databaseDetails}`,
  async run({ values, io }) {
    const surveyId = typeof values.survey === 'string' ? values.survey : '';
    if (!surveyId) throw new CommandError('link: --survey is required (the id of a survey made on the links page)', 2);
    const given = Object.fromEntries((Array.isArray(values.field) ? values.field : []).map(fieldOf));
    const flagUrl = typeof values['public-url'] === 'string' ? loadConfig(io.env, ['--public-url', values['public-url']]).publicUrl : undefined;
    const made = await withDatabase(io, values, async (db, { config }) => {
      const publicUrl = flagUrl ?? config.publicUrl;
      if (!publicUrl) throw new CommandError('link: the link needs this app\'s address: set HEARBACK_PUBLIC_URL or pass --public-url https://feedback.shop.example', 2);
      const store = createLinkStore(db);
      const survey = await store.get(surveyId);
      if (!survey) {
        const known = (await store.list()).map((s) => s.id);
        throw new CommandError(`link: there is no link survey "${surveyId}" (${known.length ? `surveys: ${known.join(', ')}` : 'make one on the links page first'})`, 2);
      }
      return makeSurveyLink(createLinkSigner(db), publicUrl, survey, given);
    });
    if (!made.ok) throw new CommandError(`link: ${made.problems.join('; ').replace(/\bfields\.(\w+)/g, '--field $1')}`, 2);
    io.stdout.write(`${made.url}\n`);
    return 0;
  },
};
