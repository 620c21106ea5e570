import type { EngineParts } from './create';
import { supportedLocales } from '../i18n/locales';
import { createOutbox } from '../outbox/outbox';
import { createRules } from '../rules/rules';
import { openStore } from '../storage/open-store';
import { createTriggers } from '../triggers/triggers';
import { whenIdle } from '../common/when-idle';
import { readPublishedSurveys } from '../published/published-surveys';

/**
 * The real parts: IndexedDB store, outbox, rules, triggers, published surveys and the idle-time scheduler, with the
 * prompt brought by `prompt` (the npm module's `import()`, or the script tag's chunks).
 */
export function createDefaultParts(prompt: EngineParts['prompt']): EngineParts {
  return { supportedLocales, store: openStore, outbox: createOutbox, rules: createRules, triggers: createTriggers, prompt, whenIdle, published: readPublishedSurveys };
}
