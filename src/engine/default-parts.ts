import type { EngineParts } from './create';
import { supportedLocales } from '../i18n/locales';
import { createOutbox } from '../outbox/outbox';
import { createRules } from '../rules/rules';
import { openStore } from '../storage/open-store';
import { createTriggers } from '../triggers/triggers';
import { readPublishedSurveys } from '../published/published-surveys';

/** What the engine shares with whoever starts it: the idle-time scheduler and the logger's maker (common/). */
export type CommonParts = Pick<EngineParts, 'whenIdle' | 'logger'>;

/**
 * The real parts: IndexedDB store, outbox, rules, triggers and published surveys, with the prompt
 * brought by `prompt` (the npm module's `import()`, or the script tag's chunks) and the common parts
 * given (the npm module's own imports; the script tag's loader hands its own, so the engine's chunk
 * carries no second copy).
 */
export function createDefaultParts(prompt: EngineParts['prompt'], common: CommonParts): EngineParts {
  return { supportedLocales, store: openStore, outbox: createOutbox, rules: createRules, triggers: createTriggers, prompt, published: readPublishedSurveys, ...common };
}
