import { html } from 'hono/html';
import type { AlertMessage } from '../message';
import { plainText } from '../message';
import type { ChannelConfig } from './channel-config';
import type { SendContext, SendDeps } from './kind-spec';
import { sendMail } from './smtp-mailer';

/** The HTML part: hono's `html` tag escapes every value, so a comment cannot inject markup. */
export function emailHtml(message: AlertMessage): string {
  const rows = message.fields.map((field) => html`<tr><th align="left" style="padding:2px 12px 2px 0">${field.label}</th><td>${field.value}</td></tr>`);
  const body = message.body
    ? html`<p><strong>${message.bodyLabel}</strong></p><p style="white-space:pre-wrap">${message.body}</p>`
    : '';
  return String(html`<!doctype html><html><body style="font-family:sans-serif"><h1 style="font-size:18px">${message.title}</h1><p><strong>${message.headline}</strong></p><table>${rows}</table>${body}<p><a href="${message.link}">${message.linkLabel}</a></p></body></html>`);
}

/** Email over SMTP (`smtp-mailer.ts`); `Message-ID` from the delivery, so a resent copy is recognisable. */
export async function sendEmail(config: ChannelConfig<'email'>, message: AlertMessage, context: SendContext, deps: Pick<SendDeps, 'destinations'>): Promise<void> {
  await sendMail(config, {
    from: config.from,
    to: config.to,
    subject: `${message.title}: ${message.headline}`,
    text: plainText(message),
    html: emailHtml(message),
    messageId: `<${context.deliveryId}@hearback>`,
  }, deps.destinations);
}
