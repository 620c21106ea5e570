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
