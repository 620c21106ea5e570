import { html } from 'hono/html';
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { AlertMessage } from '../message';
import { plainText } from '../message';
import type { ChannelConfig } from './channel-config';
import { DeliveryError } from './delivery-error';
import { addressForSend } from './destination';
import type { SendContext, SendDeps } from './sender';

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
 * or timed out is retried; a rejected login is not. The server's own words are not kept.
 */
function classify(error: unknown, host: string): DeliveryError {
  const detail = error as { responseCode?: number; code?: string };
  if (detail.code === 'EAUTH') return new DeliveryError({ code: 'smtp-login', host }, { retryable: false, cause: error });
  if (detail.code === 'EENVELOPE') return new DeliveryError({ code: 'smtp-address', host }, { retryable: false, cause: error });
  if (detail.code === 'ETLS') return new DeliveryError({ code: 'smtp-tls', host }, { retryable: true, cause: error });
  if (typeof detail.responseCode === 'number') return new DeliveryError({ code: 'smtp-status', host, status: detail.responseCode }, { retryable: detail.responseCode < 500, cause: error });
  return new DeliveryError({ code: detail.code === 'ETIMEDOUT' ? 'timeout' : 'unreachable', host }, { retryable: true, cause: error });
}

/**
 * Email over SMTP with nodemailer; `Message-ID` from the delivery, so a resent copy is recognisable.
 * The server's name is resolved and checked here (`addressForSend`) and nodemailer connects to that
 * address, with the name kept for TLS (SNI and the certificate check).
 */
export async function sendEmail(config: ChannelConfig<'email'>, message: AlertMessage, context: SendContext, deps: Pick<SendDeps, 'destinations'>): Promise<void> {
  const { address } = await addressForSend(config.host, config.host, deps.destinations);
  const named = !isIP(config.host.replace(/^\[|\]$/g, ''));
  const transport = nodemailer.createTransport({
    host: address,
    ...(named ? { servername: config.host, tls: { servername: config.host } } : {}),
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.user ? { auth: { user: config.user, pass: config.password } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as SMTPTransport.Options);
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
    throw classify(error, config.host);
  } finally {
    transport.close();
  }
}
