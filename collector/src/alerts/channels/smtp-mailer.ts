import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { DeliveryError } from './delivery-error';
import { addressForSend, type DestinationPolicy } from './destination';

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

/** The SMTP server of an email channel's settings (`email.ts`), as parsed. */
export interface SmtpSettings {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string;
  password: string;
}

/** One email: nodemailer's message fields this app uses. */
export interface Mail {
  from: string | { name: string; address: string };
  to: string | string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers?: Record<string, string>;
}

/**
 * Sends one email over SMTP with nodemailer, through the server of an email channel's settings
 * (alerts, and the one-tap survey emails). The server's name is resolved and checked here
 * (`addressForSend`) and nodemailer connects to that address, with the name kept for TLS (SNI
 * and the certificate check). Resolves when the server accepted it, else throws DeliveryError.
 */
export async function sendMail(config: SmtpSettings, mail: Mail, destinations: DestinationPolicy): Promise<void> {
  const { address } = await addressForSend(config.host, config.host, destinations);
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
    await transport.sendMail(mail);
  } catch (error) {
    throw classify(error, config.host);
  } finally {
    transport.close();
  }
}
