import type { AlertMessage } from '../message';
import { channelKindSpec, type ChannelKind } from './channel-kinds';
import { DeliveryError } from './delivery-error';
import type { SendContext, SendDeps } from './kind-spec';

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
  const spec = channelKindSpec(channel.kind as string);
  const parsed = spec?.schema.safeParse(channel.config);
  if (!spec || !parsed?.success) throw new DeliveryError({ code: 'incomplete' }, { retryable: false });
  return spec.send(parsed.data, message, context, deps);
}
