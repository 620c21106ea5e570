import { createLineClient } from '../../line/line-client';
import type { AlertMessage } from '../message';
import { plainText } from '../message';
import type { ChannelConfig } from './channel-config';
import { DeliveryError } from './delivery-error';
import type { SendContext, SendDeps } from './kind-spec';

// A text message holds at most 5,000 characters (Messaging API reference, "Text message").
const maxText = 5000;

/**
 * An alert as one LINE text message, pushed to a user or group id with the app's one LINE client,
 * with the channel's own token or else the account connected on the LINE page.
 * The delivery's id is the retry key, so a retry after a lost response is not pushed twice.
 */
export async function sendLine(config: ChannelConfig<'line'>, message: AlertMessage, context: SendContext, deps: SendDeps): Promise<void> {
  const text = [...plainText(message)].slice(0, maxText).join('');
  const token = config.token || (await deps.lineToken?.()) || '';
  if (!token) throw new DeliveryError({ code: 'incomplete' }, { retryable: false });
  const client = createLineClient({ apiUrl: deps.lineApiUrl, token, destinations: deps.destinations, now: deps.now });
  await client.push(config.to, [{ type: 'text', text }], context.deliveryId);
}
