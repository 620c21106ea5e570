import { z } from 'zod';
import type { AlertMessage } from '../message';
import { defineChannelKind, type SendContext, type SendDeps } from './kind-spec';
import { postJson } from './post-json';
import { httpUrl } from './setting-schemas';

const schema = z.object({ webhookUrl: httpUrl });

export type SlackConfig = z.output<typeof schema>;

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

export async function sendSlack(config: SlackConfig, message: AlertMessage, _context: SendContext, deps: SendDeps): Promise<void> {
  await postJson({ url: config.webhookUrl, body: JSON.stringify(slackBody(message)), destinations: deps.destinations, now: deps.now });
}

export const slack = defineChannelKind({
  kind: 'slack',
  label: { en: 'Slack', th: 'Slack' },
  schema,
  fields: [
    {
      name: 'webhookUrl', label: { en: 'Incoming webhook URL', th: 'URL ของ Incoming webhook' }, input: 'password', secret: true, destination: 'url',
      hint: { en: 'https://hooks.slack.com/services/… from your Slack app\'s Incoming Webhooks page.', th: 'https://hooks.slack.com/services/… จากหน้า Incoming Webhooks ของแอป Slack' },
    },
  ],
  send: sendSlack,
});
