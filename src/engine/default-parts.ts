import type { EngineParts } from './create';
import { createOutbox } from '../outbox/outbox';
import { createRules } from '../rules/rules';
import { openStore } from '../storage/open-store';
import { createTriggers } from '../triggers/triggers';
import { readPublishedSurveys } from '../published/published-surveys';

/**
 * What whoever starts the engine hands it: the idle-time scheduler, the logger's maker (common/) and
 * the languages there are texts for (the npm module's i18n/locales.ts; the script tag's loader, the
 * tags of its manifest's language chunks, so the engine's chunk carries no second list).
 */
export type CommonParts = Pick<EngineParts, 'whenIdle' | 'logger' | 'supportedLocales'>;

/**
 * The real parts: IndexedDB store, outbox, rules, triggers and published surveys, with the prompt
 * brought by `prompt` (the npm module's `import()`, or the script tag's chunks) and the common parts
 * given (the npm module's own imports; the script tag's loader hands its own, so the engine's chunk
 * carries no second copy).
 */
export function createDefaultParts(prompt: EngineParts['prompt'], common: CommonParts): EngineParts {
  return { store: openStore, outbox: createOutbox, rules: createRules, triggers: createTriggers, prompt, published: readPublishedSurveys, ...common };
}
