import type { Queryable } from '../db/database';

/** Where an answer was given: a site's widget, a counter tablet, or a survey link (QR, LINE, SMS). */
export type Channel = 'web' | 'kiosk' | 'link';

/**
 * The channel of an answer that arrives without `context.channel`: `mode: 'kiosk'` → `kiosk`; an
 * answer given on this collector's own survey pages (`url` under `<publicUrl>/s/`, known only when
 * `HEARBACK_PUBLIC_URL` is set) → `link`; anything else → `web`. The survey page sets
 * `channel: 'link'` itself; a `channel` a page sets is kept as it is.
 */
export function deriveChannel(answer: { mode?: string; url?: string }, publicUrl: string | undefined): Channel {
  if (answer.mode === 'kiosk') return 'kiosk';
  if (publicUrl && typeof answer.url === 'string' && answer.url.startsWith(`${publicUrl.replace(/\/$/, '')}/s/`)) return 'link';
  return 'web';
}

/**
 * The answer hook that writes the derived channel into the stored answer's `context` (in the
 * transaction that stores it), so the dashboard's segments show `web`, `kiosk` and `link` for
 * every answer. The received payload itself is kept as it came.
 */
export function channelHook(publicUrl: string | undefined) {
  return async (tx: Queryable, answer: { id: string; mode?: string; url?: string; context?: Record<string, unknown> }) => {
    if (typeof answer.context?.channel === 'string') return;
    await tx.query(
      `UPDATE responses SET context = COALESCE(context, '{}'::jsonb) || jsonb_build_object('channel', $2::text) WHERE id = $1`,
      [answer.id, deriveChannel(answer, publicUrl)],
    );
  };
}
