import { useRef, useState } from 'preact/hooks';
import type { ContactVia } from '../../src/dashboard/answer-record';
import { t, type Lang } from './messages';

/** A phone number as a `tel:` address: its digits, with the leading + if it had one (RFC 3966). */
export const telHref = (phone: string) => `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;

/**
 * Copies `text`: the Clipboard API where the page may use it, else the browser's copy command on
 * the selected field. False when neither worked (no permission, or an old browser): the field is
 * then left selected for the person to copy by hand.
 */
async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/**
 * How the customer said to reach them: a `tel:` link, a `mailto:` link, and the LINE ID in a
 * read-only field (selected when focused, so it can be copied by hand) with a copy button. Each
 * link and button is named for what it does and to whom ("Call 081-234-5678").
 */
export function ContactWays({ lang, via, id }: { lang: Lang; via: ContactVia; id: string }) {
  const [copied, setCopied] = useState('');
  const lineField = `line-${id}`;
  const field = useRef<HTMLInputElement>(null);
  return (
    <div class="contact-ways">
      <p class="contact-ways-title">{t(lang, 'reachBy')}</p>
      <ul>
        {via.phone && <li><a class="contact-link" href={telHref(via.phone)} aria-label={`${t(lang, 'call')} ${via.phone}`}><span aria-hidden="true">☎</span>{via.phone}</a></li>}
        {via.email && <li><a class="contact-link" href={`mailto:${encodeURIComponent(via.email).replace(/%40/g, '@')}`} aria-label={`${t(lang, 'emailTo')} ${via.email}`}><span aria-hidden="true">✉</span>{via.email}</a></li>}
        {via.line && (
          <li class="line-id">
            <label for={lineField}>{t(lang, 'lineId')}</label>
            <input id={lineField} ref={field} readOnly value={via.line} size={Math.max(via.line.length, 6)} onFocus={(event) => (event.target as HTMLInputElement).select()} />
            <button type="button" class="secondary-button" onClick={async () => {
              setCopied('');
              const done = await copy(via.line!, field.current);
              setCopied(t(lang, done ? 'copied' : 'copyByHand'));
            }}>{t(lang, 'copyLineId')}</button>
          </li>
        )}
      </ul>
      <p class="small muted copy-status" role="status">{copied}</p>
    </div>
  );
}
