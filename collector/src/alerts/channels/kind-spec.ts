import type { z } from 'zod';
import type { Localized } from '../../shell/lang';
import type { AlertMessage } from '../message';
import type { DestinationPolicy } from './destination';

export interface SendDeps {
  /** LINE Messaging API base URL, `https://api.line.me` in production; tests point it at a local fake. */
  lineApiUrl: string;
  /** The connected LINE Official Account's access token, for LINE channels saved without one of their own. */
  lineToken?: () => Promise<string>;
  /** Which addresses alerts may be sent to (HEARBACK_ALLOW_PRIVATE_DESTINATIONS), and the DNS to ask. */
  destinations: DestinationPolicy;
  now?: () => number;
}

/** Identifies one delivery: stable across its retries (LINE retry key, webhook-id, Message-ID). */
export interface SendContext {
  deliveryId: string;
  timestamp: Date;
}

/** One setting of a channel kind, as the channel form asks for it. */
export interface FieldSpec {
  name: string;
  label: Localized;
  input: 'text' | 'password' | 'url' | 'email' | 'number' | 'select';
  /** What is allowed, shown under the field and in its error. */
  hint: Localized;
  options?: { value: string; label: Localized }[];
  optional?: boolean;
  autocomplete?: string;
  /** What the form for a new channel starts with. */
  initial?: string;
  /** Kept as typed, spaces and all (everything else is trimmed). */
  keepSpaces?: boolean;
  /** Left out of the channel's one-line summary on the alerts page. */
  inSummary?: false;
  /**
   * A secret: encrypted at rest (HEARBACK_SECRET_KEY), never shown back in full (its last 4
   * characters at most), kept when the form leaves it empty.
   */
  secret?: boolean;
  /** A saved secret kept only while this other field names the same server. */
  boundTo?: string;
  /**
   * A saved secret not kept when this other field changes to this value (the email password when
   * `security` becomes `none`: it would then cross the network unencrypted, so the owner types it
   * again to say so).
   */
  notKeptWhen?: { field: string; value: string };
  /** Makes the secret when a channel has none (shown once). */
  generate?: () => string;
  /**
   * Names where alerts go (one field per kind), a host name or a URL: checked against the destination policy on save,
   * and a URL that is no secret is shown to everyone without its user name, password or query.
   */
  destination?: 'host' | 'url';
}

/**
 * Everything about one kind of alert channel (LINE, Slack…): listed once in `channel-kinds.ts`,
 * from which the forms, the API, the store and the sender take what they need.
 */
export interface ChannelKindSpec<K extends string = string, S extends z.ZodType = z.ZodType> {
  kind: K;
  /** Its name on the alerts page. */
  label: Localized;
  /** Its settings as saved; the form's fields are checked with it, and a send parses with it. */
  schema: S;
  /** Its settings in the order the form shows them. */
  fields: readonly FieldSpec[];
  /** A set-up guide linked under its form (opens in a new tab). */
  guide?: { url: string; label: Localized };
  /** Sends one message; resolves when the far side accepted it, else throws DeliveryError. */
  send(config: z.output<S>, message: AlertMessage, context: SendContext, deps: SendDeps): Promise<void>;
}

/** A kind's spec, with its kind and schema types kept (for `ChannelKind` and each kind's config type). */
export const defineChannelKind = <const K extends string, S extends z.ZodType>(spec: ChannelKindSpec<K, S>) => spec;
