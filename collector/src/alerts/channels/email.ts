import { html } from 'hono/html';
import nodemailer from 'nodemailer';
import type { AlertMessage } from '../message';
import { plainText } from '../message';
import type { ChannelConfig } from './channel-config';
import { DeliveryError } from './delivery-error';
import type { SendContext } from './sender';

/** The HTML part: hono's `html` tag escapes every value, so a comment cannot inject markup. */
export function emailHtml(message: AlertMessage): string {
  const rows = message.fields.map((field) => html`<tr><th align="left" style="padding:2px 12px 2px 0">${field.label}</th><td>${field.value}</td></tr>`);
  const body = message.body
    ? html`<p><strong>${message.bodyLabel}</strong></p><p style="white-space:pre-wrap">${message.body}</p>`
    : '';
  return String(html`<!doctype html><html><body style="font-family:sans-serif"><h1 style="font-size:18px">${message.title}</h1><p><strong>${message.headline}</strong></p><table>${rows}</table>${body}<p><a href="${message.link}">${message.linkLabel}</a></p></body></html>`);
}

/**
 * SMTP codes 4xx are temporary (retry), 5xx permanent (RFC 5321 §4.2.1); a connection that failed
 * or timed out is retried; a rejected login is not.
 */
function classify(error: unknown): DeliveryError {
  const detail = error as { responseCode?: number; code?: string; message?: string };
  const message = `SMTP: ${detail.message ?? String(error)}`;
  if (typeof detail.responseCode === 'number') return new DeliveryError(message, { retryable: detail.responseCode < 500, cause: error });
  return new DeliveryError(message, { retryable: detail.code !== 'EAUTH' && detail.code !== 'EENVELOPE', cause: error });
}

/** Email over SMTP with nodemailer; `Message-ID` from the delivery, so a resent copy is recognisable. */
export async function sendEmail(config: ChannelConfig<'email'>, message: AlertMessage, context: SendContext): Promise<void> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.user ? { auth: { user: config.user, pass: config.password } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: `${message.title}: ${message.headline}`,
      text: plainText(message),
      html: emailHtml(message),
      messageId: `<${context.deliveryId}@hearback>`,
    });
  } catch (error) {
    throw classify(error);
  } finally {
    transport.close();
  }
}
