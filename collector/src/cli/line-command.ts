import * as receiverKit from 'hearback/receiver';
import { createAnswerHooks } from '../answer-hooks';
import { silentLog } from '../http/log';
import { createLineParts } from '../line/line-feature';
import { pushSurvey } from '../line/push-survey';
import type { Command } from './command';
import { CommandError } from './cli-io';
import { databaseDetails, databaseOptions, databaseUsage, withDatabase } from './database-flags';

/** `order=A17` → ['order', 'A17']; the value may itself hold `=`. */
function fieldOf(flag: string): [string, string] {
  const at = flag.indexOf('=');
  if (at <= 0) throw new CommandError(`line send: --field ${JSON.stringify(flag)} must be name=value, e.g. --field order=A17`, 2);
  return [flag.slice(0, at), flag.slice(at + 1)];
}

export const lineSendCommand: Command = {
  words: ['line', 'send'],
  positionals: [],
  summary: 'Push a survey to a customer in LINE chat (after an order), once however often it is run.',
  options: { to: { type: 'string' }, survey: { type: 'string' }, field: { type: 'string', multiple: true }, lang: { type: 'string' }, key: { type: 'string' }, ...databaseOptions },
  usage: `--to <LINE user id> --survey <id> [--field name=value …] [--lang th|en] [--key <text>] ${databaseUsage}`,
  details: `Sends the survey's question with its score buttons to one customer of the connected LINE
Official Account, as POST /api/line/surveys does:
  hearback-collector line send --to U4af4980629… --survey after-order --field order=A17 --field branch=Siam

--to is the customer's LINE user id (U + 32 characters, as the webhook saw it); --survey a survey
made on the links page; each --field goes into the answer's context (a one-answer-per-order survey
needs --field order=…). Running the same command again sends nothing more: the same customer,
survey and fields are one push (LINE's X-Line-Retry-Key makes a retry after a failure one message
too). --key makes a deliberate second push distinct. The token is HEARBACK_LINE_CHANNEL_TOKEN, else
the one saved on the LINE page; LINE's address is HEARBACK_LINE_API_URL.

${databaseDetails}`,
  async run({ values, io }) {
    const context = Object.fromEntries((Array.isArray(values.field) ? values.field : []).map(fieldOf));
    const request = {
      to: values.to, survey: values.survey, lang: values.lang ?? 'th', key: values.key,
      ...(Object.keys(context).length ? { context } : {}),
    };
    const result = await withDatabase(io, values, (db, { config }) => {
      const parts = createLineParts({ db, config, hooks: createAnswerHooks(), kit: receiverKit, log: silentLog, now: () => new Date() });
      return pushSurvey(parts.push, request);
    });
    if (!result.ok) {
      const message = result.problem.replace(/\bcontext\.(\w+)/g, '--field $1').replace(/(^|; )(to|survey|lang|key):/g, '$1--$2:');
      throw new CommandError(`line send: ${message}`, result.status === 503 || result.status === 502 ? 1 : 2);
    }
    io.stdout.write(result.duplicate ? `already sent (question ${result.ask}); nothing sent again\n` : `sent (question ${result.ask})\n`);
    return 0;
  },
};
