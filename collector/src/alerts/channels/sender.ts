import type { AlertMessage } from '../message';
import { channelConfigSchemas, type ChannelConfig, type ChannelKind } from './channel-config';
import { DeliveryError } from './delivery-error';
import { sendDiscord } from './discord';
import { sendEmail } from './email';
import type { SendContext, SendDeps } from './kind-spec';
import { sendLine } from './line';
import { sendSlack } from './slack';
import { sendWebhook } from './webhook';

export interface ChannelTarget {
  kind: ChannelKind;
  config: unknown;
  /** Secret fields the collector could not decrypt (`Channel.unreadableSecrets`). */
  unreadableSecrets?: readonly string[];
}

/** Sends one message to one channel; resolves when the far side accepted it, else throws DeliveryError. */
export async function sendToChannel(channel: ChannelTarget, message: AlertMessage, context: SendContext, deps: SendDeps): Promise<void> {
  if (channel.unreadableSecrets?.length) {
    throw new DeliveryError({ code: 'unreadable', fields: [...channel.unreadableSecrets] }, { retryable: false });
  }
  const parsed = channelConfigSchemas[channel.kind]?.safeParse(channel.config);
  if (!parsed?.success) throw new DeliveryError({ code: 'incomplete' }, { retryable: false });
  switch (channel.kind) {
    case 'line':
      return sendLine(parsed.data as ChannelConfig<'line'>, message, context, deps);
    case 'slack':
      return sendSlack(parsed.data as ChannelConfig<'slack'>, message, context, deps);
    case 'discord':
      return sendDiscord(parsed.data as ChannelConfig<'discord'>, message, context, deps);
    case 'email':
      return sendEmail(parsed.data as ChannelConfig<'email'>, message, context, deps);
    case 'webhook':
      return sendWebhook(parsed.data as ChannelConfig<'webhook'>, message, context, deps);
  }
}
