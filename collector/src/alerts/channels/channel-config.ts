import { z } from 'zod';

export const channelKinds = ['line', 'slack', 'discord', 'email', 'webhook'] as const;
export type ChannelKind = (typeof channelKinds)[number];

const httpUrl = z
  .string()
  .trim()
  .url({ message: 'must be a full URL starting with https:// (or http:// for a server on this machine)' })
  .refine((url) => /^https?:$/.test(new URL(url).protocol), { message: 'must start with https:// or http://' });

const email = z.string().trim().email({ message: 'must be an email address like owner@example.com' });

/** What each kind of channel needs. Secrets are listed in `secretFields` and never shown back in full. */
export const channelConfigSchemas = {
  line: z.object({
    to: z
      .string()
      .trim()
      .regex(/^[UCR][0-9a-f]{32}$/, { message: 'must be a LINE user id (U + 32 hex characters) or group id (C + 32 hex characters)' }),
    // Empty: the LINE Official Account connected on the LINE page (its groups are listed there).
    token: z.string().trim().refine((token) => token === '' || token.length >= 20, { message: 'must be the channel access token from the LINE Developers console, or empty to use the account connected on the LINE page' }).default(''),
  }),
  slack: z.object({ webhookUrl: httpUrl }),
  discord: z.object({ webhookUrl: httpUrl }),
  email: z.object({
    host: z.string().trim().min(1, { message: 'must name the SMTP server, e.g. smtp.gmail.com' }),
    port: z.coerce.number().int().min(1).max(65535),
    security: z.enum(['tls', 'starttls', 'none']),
    user: z.string().trim().max(320).optional().default(''),
    password: z.string().max(500).optional().default(''),
    from: email,
    // Stored as typed ("a@x.th, b@x.th"); an array is accepted too.
    to: z
      .preprocess((value) => (Array.isArray(value) ? value.join(', ') : value), z.string())
      .refine((value) => value.trim().length > 0, { message: 'must list at least one address' })
      .transform((value) => value.split(/[,;\s]+/).filter(Boolean))
      .pipe(z.array(email).min(1).max(20)),
  }),
  webhook: z.object({
    url: httpUrl,
    secret: z
      .string()
      .trim()
      .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, { message: 'must be a whsec_ secret (whsec_ then at least 24 bytes in base64)' }),
  }),
} satisfies Record<ChannelKind, z.ZodType>;

export type ChannelConfig<K extends ChannelKind = ChannelKind> = z.output<(typeof channelConfigSchemas)[K]>;

export const secretFields: Record<ChannelKind, readonly string[]> = {
  line: ['token'],
  slack: ['webhookUrl'],
  discord: ['webhookUrl'],
  email: ['password'],
  webhook: ['secret'],
};

/** A secret as the settings page may show it: its last 4 characters, and only when those give little away. */
export function maskSecret(secret: string): string {
  if (!secret) return '';
  return secret.length >= 16 ? `•••• ${secret.slice(-4)}` : '••••';
}

/**
 * A setting as the alerts page and `GET /api/alerts` show it to everyone signed in: secrets
 * masked; a receiver URL without the user name, password or query it may carry
 * (`https://user:pw@hooks.example/x?key=…` → `https://hooks.example/x?…`). The owner's edit form is
 * the only place a non-secret setting shows in full.
 */
export function shownSetting(kind: ChannelKind, field: string, value: string): string {
  if (secretFields[kind].includes(field)) return maskSecret(value);
  if (kind === 'webhook' && field === 'url') {
    try {
      const url = new URL(value);
      return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
    } catch {
      return '••••';
    }
  }
  return value;
}
