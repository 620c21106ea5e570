import type { AlertMessage } from '../message';
import type { ChannelConfig } from './channel-config';
import { postJson } from './post-json';
import type { SendContext, SendDeps } from './kind-spec';

// Slack mrkdwn: &, < and > must be escaped, which also keeps a comment from pinging <!channel>.
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack incoming webhook: `text` for notifications, Block Kit for the message itself. */
export function slackBody(message: AlertMessage): Record<string, unknown> {
  const fields = message.fields.map((field) => ({ type: 'mrkdwn', text: `*${escape(field.label)}*\n${escape(field.value)}` }));
  return {
    text: `${message.title}: ${message.headline}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: `*${escape(message.headline)}*` } },
      // A section holds at most 10 fields.
      ...chunk(fields, 10).map((group) => ({ type: 'section', fields: group })),
      ...(message.body ? [{ type: 'section', text: { type: 'mrkdwn', text: `*${escape(message.bodyLabel)}*\n${escape(message.body).slice(0, 2900)}` } }] : []),
      { type: 'section', text: { type: 'mrkdwn', text: `<${message.link}|${escape(message.linkLabel)}>` } },
    ],
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let index = 0; index < items.length; index += size) groups.push(items.slice(index, index + size));
  return groups;
}

export async function sendSlack(config: ChannelConfig<'slack'>, message: AlertMessage, _context: SendContext, deps: SendDeps): Promise<void> {
  await postJson({ url: config.webhookUrl, body: JSON.stringify(slackBody(message)), destinations: deps.destinations, now: deps.now });
}
