import type { AlertMessage } from '../message';
import { channelConfigSchemas, type ChannelConfig, type ChannelKind } from './channel-config';
import { DeliveryError } from './delivery-error';
import type { DestinationPolicy } from './destination';
import { sendDiscord } from './discord';
import { sendEmail } from './email';
import { sendLine } from './line';
import { sendSlack } from './slack';
import { sendWebhook } from './webhook';

export interface SendDeps {
  /** LINE Messaging API base URL, `https://api.line.me` in production; tests point it at a local fake. */
  lineApiUrl: string;
  /** The connected LINE Official Account's access token, for LINE channels saved without one of their own. */
  lineToken?: () => Promise<string>;
  /** Which addresses alerts may be sent to (HEARBACK_ALLOW_PRIVATE_DESTINATIONS), and the DNS to ask. */
  destinations: DestinationPolicy;
  now?: () => number;
}

/** Identifies one delivery: stable across its retries (LINE retry key, webhook-id, Message-ID). */
export interface SendContext {
  deliveryId: string;
  timestamp: Date;
}

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
