import type { AlertMessage } from '../message';
import { plainText } from '../message';
import type { ChannelConfig } from './channel-config';
import { postJson } from './post-json';
import type { SendContext, SendDeps } from './sender';

// A text message holds at most 5,000 characters (Messaging API reference, "Text message").
const maxText = 5000;

/**
 * LINE Messaging API push: `POST {base}/v2/bot/message/push` to a user or group id.
 * The delivery's key goes in `X-Line-Retry-Key`, so a retry after a lost response is not pushed
 * twice: LINE answers 409 for a key it already accepted, which counts as sent.
 */
export async function sendLine(config: ChannelConfig<'line'>, message: AlertMessage, context: SendContext, deps: SendDeps): Promise<void> {
  const text = [...plainText(message)].slice(0, maxText).join('');
  await postJson(
    {
      url: `${deps.lineApiUrl.replace(/\/+$/, '')}/v2/bot/message/push`,
      headers: { authorization: `Bearer ${config.token}`, 'x-line-retry-key': context.deliveryId },
      body: JSON.stringify({ to: config.to, messages: [{ type: 'text', text }] }),
      destinations: deps.destinations,
      now: deps.now,
    },
    (status) => status === 409,
  );
}
