import { z } from 'zod';
import { createLineClient } from '../../line/line-client';
import type { AlertMessage } from '../message';
import { plainText } from '../message';
import { DeliveryError } from './delivery-error';
import { defineChannelKind, type SendContext, type SendDeps } from './kind-spec';

// A text message holds at most 5,000 characters (Messaging API reference, "Text message").
const maxText = 5000;

const schema = z.object({
  to: z
    .string()
    .trim()
    .regex(/^[UCR][0-9a-f]{32}$/, { message: 'must be a LINE user id (U + 32 hex characters) or group id (C + 32 hex characters)' }),
  // Empty: the LINE Official Account connected on the LINE page (its groups are listed there).
  token: z.string().trim().refine((token) => token === '' || token.length >= 20, { message: 'must be the channel access token from the LINE Developers console, or empty to use the account connected on the LINE page' }).default(''),
});

export type LineConfig = z.output<typeof schema>;

/**
 * An alert as one LINE text message, pushed to a user or group id with the app's one LINE client,
 * with the channel's own token or else the account connected on the LINE page.
 * The delivery's id is the retry key, so a retry after a lost response is not pushed twice.
 */
export async function sendLine(config: LineConfig, message: AlertMessage, context: SendContext, deps: SendDeps): Promise<void> {
  const text = [...plainText(message)].slice(0, maxText).join('');
  const token = config.token || (await deps.lineToken?.()) || '';
  if (!token) throw new DeliveryError({ code: 'incomplete' }, { retryable: false });
  const client = createLineClient({ apiUrl: deps.lineApiUrl, token, destinations: deps.destinations, now: deps.now });
  await client.push(config.to, [{ type: 'text', text }], context.deliveryId);
}

export const line = defineChannelKind({
  kind: 'line',
  label: { en: 'LINE', th: 'LINE' },
  schema,
  fields: [
    {
      name: 'to', label: { en: 'User or group id', th: 'User ID หรือ Group ID' }, input: 'text',
      hint: { en: 'U followed by 32 characters for a person, C… for a group: groups the bot is in are listed on the LINE page.', th: 'U ตามด้วยอักษร 32 ตัวสำหรับบุคคล หรือ C… สำหรับกลุ่ม กลุ่มที่บอทอยู่จะแสดงในหน้า LINE' },
    },
    {
      name: 'token', label: { en: 'Channel access token', th: 'โทเคนเข้าถึงช่อง (Channel access token)' }, input: 'password', optional: true, secret: true,
      hint: { en: 'The long-lived token from the LINE Developers console, Messaging API tab. Leave empty to use the account connected on the LINE page.', th: 'โทเคนแบบใช้งานระยะยาวจาก LINE Developers console แท็บ Messaging API เว้นว่างเพื่อใช้บัญชีที่เชื่อมต่อในหน้า LINE' },
    },
  ],
  // LINE's own guide to a Messaging API channel (the steps for a shop, in Thai and English: docs/line.md).
  guide: {
    url: 'https://developers.line.biz/en/docs/messaging-api/getting-started/',
    label: { en: 'Set-up guide: the LINE Official Account, its token and your user or group id (LINE Developers, opens in a new tab)', th: 'คู่มือการตั้งค่า: LINE Official Account, โทเคน และ User ID หรือ Group ID (LINE Developers เปิดในแท็บใหม่)' },
  },
  send: sendLine,
});
