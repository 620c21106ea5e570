import { z } from 'zod';
import type { AlertMessage } from '../message';
import { defineChannelKind, type SendContext, type SendDeps } from './kind-spec';
import { postJson } from './post-json';
import { httpUrl } from './setting-schemas';

const schema = z.object({ webhookUrl: httpUrl });

export type DiscordConfig = z.output<typeof schema>;

/**
 * Discord incoming webhook: one embed. `allowed_mentions: { parse: [] }` so a comment that says
 * "@everyone" pings no one.
 */
export function discordBody(message: AlertMessage): Record<string, unknown> {
  return {
    content: `${message.title}: ${message.headline}`.slice(0, 2000),
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: message.headline.slice(0, 256),
        url: message.link,
        ...(message.body ? { description: `**${message.bodyLabel}**\n${message.body}`.slice(0, 4096) } : {}),
        fields: message.fields.slice(0, 25).map((field) => ({ name: field.label.slice(0, 256), value: field.value.slice(0, 1024), inline: true })),
      },
    ],
  };
}

export async function sendDiscord(config: DiscordConfig, message: AlertMessage, _context: SendContext, deps: SendDeps): Promise<void> {
  await postJson({ url: config.webhookUrl, body: JSON.stringify(discordBody(message)), destinations: deps.destinations, now: deps.now });
}

export const discord = defineChannelKind({
  kind: 'discord',
  label: { en: 'Discord', th: 'Discord' },
  schema,
  fields: [
    {
      name: 'webhookUrl', label: { en: 'Webhook URL', th: 'URL ของ Webhook' }, input: 'password', secret: true, destination: 'url',
      hint: { en: 'https://discord.com/api/webhooks/… from the channel\'s Integrations settings.', th: 'https://discord.com/api/webhooks/… จากการตั้งค่า Integrations ของห้อง' },
    },
  ],
  send: sendDiscord,
});
