import { createFormat } from './format';
import { pageLang } from './messages';

/** What every view reads from its page: the root element, the language and the shop's time zone. */
export function pageContext() {
  const root = document.getElementById('app');
  if (!root) throw new Error('the page has no #app element');
  const lang = pageLang();
  const timeZone = root.dataset.timezone || 'UTC';
  return { root, lang, timeZone, format: createFormat(lang, timeZone) };
}

/**
 * Marks the view ready (`#app[data-ready="true"]`) once its data is on screen and nothing is
 * loading, so tests and screenshots wait for that instead of for time.
 */
export function markReady(ready: boolean) {
  const root = document.getElementById('app');
  if (root) root.dataset.ready = String(ready);
}
