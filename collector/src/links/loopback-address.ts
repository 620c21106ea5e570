import { html } from 'hono/html';
import { fill } from '../shell/lang';
import type { Html } from '../shell/page';
import type { LinkLocale } from './link-texts';
import { linksWords as words } from './links-words';

/**
 * Whether a link's address is one only this computer can open (127.0.0.1, localhost, ::1,
 * 0.0.0.0): a QR code printed with it sends every phone nowhere.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';
}

/** The warning the links page and the poster preview show while the public address is this computer's. */
export function loopbackWarning(lang: LinkLocale, publicUrl: string): Html | '' {
  if (!isLoopbackUrl(publicUrl)) return '';
  const host = new URL(publicUrl).host;
  return html`<p class="localhost-warning" role="note" data-testid="localhost-warning">${fill(words.localhostWarning[lang], { host })} <code>HEARBACK_PUBLIC_URL</code>${words.localhostHow[lang]}</p>`;
}
