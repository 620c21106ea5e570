import { createEngine } from './create';
import { createDefaultParts } from './default-parts';
import { createLogger } from '../common/log';
import { whenIdle } from '../common/when-idle';
import type { Hearback, HearbackOptions } from './hearback-types';
import { languageImports } from '../i18n/language-imports';
import { supportedLocales } from '../i18n/locales';
import type { PromptSource } from '../ui/prompt-types';

/**
 * The npm module's prompt: `import()`s, so that a bundler splits the prompt (preact, signals, the
 * UI) and each language into chunks of their own, loaded when needed.
 */
const importedPrompt: PromptSource = {
  loadPrompt: () => import('../ui/prompt-code').then((module) => module.promptCode),
  loadLanguage: async (tag) => (await languageImports[tag]?.())?.table,
};

/**
 * Starts hearback: validates the options (a bad field is reported on the console and falls back to
 * its default; nothing throws), starts the triggers and delivers answers left from earlier visits.
 * The prompt's code is loaded in idle time when a survey could show on the page, at once when one is due.
 *
 * @example
 * const hb = init({ endpoint: 'https://example.com/feedback', surveys: [{ id: 'after-checkout', type: 'csat', trigger: { event: 'checkout' } }] });
 * hb.track('checkout');
 */
export function init(options: HearbackOptions): Hearback {
  return createEngine(options, createDefaultParts(() => importedPrompt, { whenIdle, logger: createLogger, supportedLocales }));
}
