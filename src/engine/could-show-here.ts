import type { Survey } from '../config/survey-schema';
import { matchesUrl } from '../triggers/url-match';

/**
 * Whether a prompt could be due on this page: a survey has a trigger whose `url` rule (if any)
 * matches it, or the page has a `data-hearback-show` button. Then the prompt's code is worth
 * fetching in idle time, before it is due.
 */
export function couldShowHere(surveys: readonly Survey[], win: Window | undefined = typeof window === 'object' ? window : undefined): boolean {
  if (!win) return false;
  return surveys.some(({ trigger }) => trigger && (!trigger.url || matchesUrl(trigger.url, win.location))) || !!win.document.querySelector('[data-hearback-show]');
}
