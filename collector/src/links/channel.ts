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
 * The context enricher that gives every stored answer its `channel` (unless the page set one), so
 * the dashboard's segments show `web`, `kiosk` and `link` for every answer. It goes in with the
 * answer's one INSERT; the received payload itself is kept as it came.
 */
export function channelEnricher(publicUrl: string | undefined) {
  return (answer: { mode?: string; url?: string; context?: Record<string, unknown> }) =>
    typeof answer.context?.channel === 'string' ? undefined : { channel: deriveChannel(answer, publicUrl) };
}
