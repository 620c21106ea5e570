import type { EngineParts } from './create';
import { supportedLocales } from '../i18n/locales';
import { createOutbox } from '../outbox/outbox';
import { createRules } from '../rules/rules';
import { openStore } from '../storage/open-store';
import { createTriggers } from '../triggers/triggers';
import { createPromptUi } from '../ui/prompt-ui';
import { whenIdle } from '../common/when-idle';

/** The real parts: IndexedDB store, outbox, rules, triggers, the preact prompt and the idle-time scheduler. */
export const defaultParts: EngineParts = {
  supportedLocales,
  store: openStore,
  outbox: createOutbox,
  rules: createRules,
  triggers: createTriggers,
  ui: createPromptUi,
  whenIdle,
};
