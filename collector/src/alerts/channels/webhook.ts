import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import type { AlertMessage } from '../message';
import { defineChannelKind, type SendContext, type SendDeps } from './kind-spec';
import { postJson } from './post-json';
import { httpUrl } from './setting-schemas';

const schema = z.object({
  url: httpUrl,
  secret: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, { message: 'must be a whsec_ secret (whsec_ then at least 24 bytes in base64)' }),
});

export type WebhookConfig = z.output<typeof schema>;

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * A generic webhook signed per Standard Webhooks: `webhook-id` (the same on every retry, so the
 * receiver can deduplicate), `webhook-timestamp` (seconds), and `webhook-signature`
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the base64 part of the `whsec_` secret.
 */
export function signedWebhookRequest(config: WebhookConfig, message: AlertMessage, context: SendContext) {
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

export async function sendWebhook(config: WebhookConfig, message: AlertMessage, context: SendContext, deps: SendDeps): Promise<void> {
  const { body, headers } = signedWebhookRequest(config, message, context);
  await postJson({ url: config.url, headers, body, destinations: deps.destinations, now: deps.now });
}

export const webhook = defineChannelKind({
  kind: 'webhook',
  label: { en: 'Webhook', th: 'Webhook' },
  schema,
  fields: [
    { name: 'url', label: { en: 'Receiver URL', th: 'URL ของระบบที่รับ' }, input: 'url', destination: 'url', hint: { en: 'Where each alert is POSTed as signed JSON.', th: 'ปลายทางที่รับการแจ้งเตือนแต่ละรายการเป็น JSON ที่ลงนามแล้ว' } },
    {
      name: 'secret', label: { en: 'Signing secret', th: 'รหัสลับสำหรับลงนาม' }, input: 'password', optional: true, secret: true, boundTo: 'url', generate: newWebhookSecret,
      hint: { en: 'A whsec_… secret. Leave empty to have one made for you (shown once).', th: 'รหัสลับรูปแบบ whsec_… เว้นว่างเพื่อให้ระบบสร้างให้ (แสดงครั้งเดียว)' },
    },
  ],
  send: sendWebhook,
});
