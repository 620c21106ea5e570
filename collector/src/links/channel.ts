/** Where an answer was given: a site's widget, a counter tablet, or a survey link (QR, LINE, SMS). */
export type Channel = 'web' | 'kiosk' | 'link';
export const channels: readonly Channel[] = ['web', 'kiosk', 'link'];

/**
 * The answer's channel, for answers whose `context.channel` is not already one of the three:
 * `mode: 'kiosk'` → `kiosk`; an answer given on this collector's own survey page (`url` is
 * `<public URL>/s/…`) → `link`; anything else → `web`. The survey page sets `channel: 'link'` itself;
 * this covers SDKs and pages that do not.
 */
export function deriveChannel(answer: { mode?: string; url?: string; context?: Record<string, unknown> | null }, publicUrl: string): Channel {
  const given = answer.context?.channel;
  if (typeof given === 'string' && (channels as readonly string[]).includes(given)) return given as Channel;
  if (answer.mode === 'kiosk') return 'kiosk';
  const surveyPages = new URL('s/', publicUrl.endsWith('/') ? publicUrl : publicUrl + '/').href;
  if (typeof answer.url === 'string' && answer.url.startsWith(surveyPages)) return 'link';
  return 'web';
}
