import { html } from 'hono/html';
import { z } from 'zod';
import type { AlertMessage } from '../message';
import { plainText } from '../message';
import { defineChannelKind, type SendContext, type SendDeps } from './kind-spec';
import { emailAddress } from './setting-schemas';
import { sendMail } from './smtp-mailer';

const schema = z.object({
  host: z.string().trim().min(1, { message: 'must name the SMTP server, e.g. smtp.gmail.com' }),
  port: z.coerce.number().int().min(1).max(65535),
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.string().trim().max(320).optional().default(''),
  password: z.string().max(500).optional().default(''),
  from: emailAddress,
  // Stored as typed ("a@x.th, b@x.th"); an array is accepted too.
  to: z
    .preprocess((value) => (Array.isArray(value) ? value.join(', ') : value), z.string())
    .refine((value) => value.trim().length > 0, { message: 'must list at least one address' })
    .transform((value) => value.split(/[,;\s]+/).filter(Boolean))
    .pipe(z.array(emailAddress).min(1).max(20)),
});

export type EmailConfig = z.output<typeof schema>;

/** The HTML part: hono's `html` tag escapes every value, so a comment cannot inject markup. */
export function emailHtml(message: AlertMessage): string {
  const rows = message.fields.map((field) => html`<tr><th align="left" style="padding:2px 12px 2px 0">${field.label}</th><td>${field.value}</td></tr>`);
  const body = message.body
    ? html`<p><strong>${message.bodyLabel}</strong></p><p style="white-space:pre-wrap">${message.body}</p>`
    : '';
  return String(html`<!doctype html><html><body style="font-family:sans-serif"><h1 style="font-size:18px">${message.title}</h1><p><strong>${message.headline}</strong></p><table>${rows}</table>${body}<p><a href="${message.link}">${message.linkLabel}</a></p></body></html>`);
}

/** Email over SMTP (`smtp-mailer.ts`); `Message-ID` from the delivery, so a resent copy is recognisable. */
export async function sendEmail(config: EmailConfig, message: AlertMessage, context: SendContext, deps: Pick<SendDeps, 'destinations'>): Promise<void> {
  await sendMail(config, {
    from: config.from,
    to: config.to,
    subject: `${message.title}: ${message.headline}`,
    text: plainText(message),
    html: emailHtml(message),
    messageId: `<${context.deliveryId}@hearback>`,
  }, deps.destinations);
}

export const email = defineChannelKind({
  kind: 'email',
  label: { en: 'Email', th: 'อีเมล' },
  schema,
  fields: [
    { name: 'host', label: { en: 'SMTP server', th: 'เซิร์ฟเวอร์ SMTP' }, input: 'text', destination: 'host', hint: { en: 'e.g. smtp.gmail.com', th: 'เช่น smtp.gmail.com' } },
    { name: 'port', label: { en: 'Port', th: 'พอร์ต' }, input: 'number', initial: '465', hint: { en: '465 for TLS, 587 for STARTTLS.', th: '465 สำหรับ TLS, 587 สำหรับ STARTTLS' } },
    {
      name: 'security', label: { en: 'Encryption', th: 'การเข้ารหัส' }, input: 'select', initial: 'tls', inSummary: false, hint: { en: 'How the connection is protected.', th: 'วิธีป้องกันการเชื่อมต่อ' },
      options: [
        { value: 'tls', label: { en: 'TLS (port 465)', th: 'TLS (พอร์ต 465)' } },
        { value: 'starttls', label: { en: 'STARTTLS (port 587)', th: 'STARTTLS (พอร์ต 587)' } },
        { value: 'none', label: { en: 'None (a server on this machine only)', th: 'ไม่เข้ารหัส (เฉพาะเซิร์ฟเวอร์ในเครื่องนี้)' } },
      ],
    },
    { name: 'user', label: { en: 'User name', th: 'ชื่อผู้ใช้' }, input: 'text', optional: true, autocomplete: 'off', hint: { en: 'Usually the sending address. Empty if the server needs no login.', th: 'มักเป็นอีเมลผู้ส่ง เว้นว่างหากเซิร์ฟเวอร์ไม่ต้องเข้าสู่ระบบ' } },
    // An SMTP password is kept as typed, spaces and all.
    { name: 'password', label: { en: 'Password', th: 'รหัสผ่าน' }, input: 'password', optional: true, secret: true, keepSpaces: true, boundTo: 'host', notKeptWhen: { field: 'security', value: 'none' }, hint: { en: 'For Gmail, an app password.', th: 'สำหรับ Gmail ใช้รหัสผ่านสำหรับแอป' } },
    { name: 'from', label: { en: 'From address', th: 'อีเมลผู้ส่ง' }, input: 'email', hint: { en: 'e.g. alerts@shop.example', th: 'เช่น alerts@shop.example' } },
    { name: 'to', label: { en: 'Send to', th: 'ส่งถึง' }, input: 'text', hint: { en: 'One or more addresses, separated by commas.', th: 'อีเมลหนึ่งหรือหลายรายการ คั่นด้วยจุลภาค' } },
  ],
  send: sendEmail,
});
