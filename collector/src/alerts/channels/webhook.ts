import { Webhook } from 'standardwebhooks';
import type { AlertMessage } from '../message';
import type { ChannelConfig } from './channel-config';
import { postJson } from './post-json';
import type { SendContext, SendDeps } from './kind-spec';

/**
 * A generic webhook signed per Standard Webhooks: `webhook-id` (the same on every retry, so the
 * receiver can deduplicate), `webhook-timestamp` (seconds), and `webhook-signature`
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the base64 part of the `whsec_` secret.
 */
export function signedWebhookRequest(config: ChannelConfig<'webhook'>, message: AlertMessage, context: SendContext) {
  const body = JSON.stringify({ type: message.event.type, timestamp: context.timestamp.toISOString(), data: message.event.data });
  const timestamp = new Date(Math.floor(context.timestamp.getTime() / 1000) * 1000);
  const signature = new Webhook(config.secret).sign(context.deliveryId, timestamp, body);
  return {
    body,
    headers: {
      'webhook-id': context.deliveryId,
      'webhook-timestamp': String(timestamp.getTime() / 1000),
      'webhook-signature': signature,
    },
  };
}

export async function sendWebhook(config: ChannelConfig<'webhook'>, message: AlertMessage, context: SendContext, deps: SendDeps): Promise<void> {
  const { body, headers } = signedWebhookRequest(config, message, context);
  await postJson({ url: config.url, headers, body, destinations: deps.destinations, now: deps.now });
}
