import { noContextLabels, type ContextLabels } from '../../src/context-labels/context-labels';
import { createFormat } from './format';
import { pageLang } from './messages';

/**
 * What every view reads from its page: the root element, the language, the shop's time zone, and
 * the owner's names for context keys and values (`data-context-labels`, written by the server).
 */
export function pageContext() {
  const root = document.getElementById('app');
  if (!root) throw new Error('the page has no #app element');
  const lang = pageLang();
  const timeZone = root.dataset.timezone || 'UTC';
  const labels: ContextLabels = root.dataset.contextLabels ? JSON.parse(root.dataset.contextLabels) : noContextLabels;
  return { root, lang, timeZone, format: createFormat(lang, timeZone, labels) };
}

/**
 * Marks the view ready (`#app[data-ready="true"]`) once its data is on screen and nothing is
 * loading, so tests and screenshots wait for that instead of for time.
 */
export function markReady(ready: boolean) {
  const root = document.getElementById('app');
  if (root) root.dataset.ready = String(ready);
}
