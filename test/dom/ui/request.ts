// Test helpers: a PromptRequest with recording fake callbacks, and queries inside the shadow root.
import { within } from '@testing-library/preact';
import { vi } from 'vitest';
import type { Survey } from '../../../src/config/survey-schema';
import { createPromptUi } from '../../../src/ui/prompt-ui';
import type { PromptRequest } from '../../../src/ui/prompt-types';
import { table as english } from '../../../src/i18n/languages/en';
import { table as thai } from '../../../src/i18n/languages/th';
import { whenIdle } from '../../../src/common/when-idle';
import { surveyKinds } from '../../../src/surveys/kinds';

export function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export function makeRequest(survey: Partial<Survey> = {}, rest: Partial<PromptRequest> = {}) {
  const listeners = new Set<(status: { pending: number; storage: 'memory' }) => void>();
  const type = survey.type ?? 'nps';
  const request: PromptRequest = {
    survey: { id: 'test', type, ...survey } as Survey,
    kind: surveyKinds[type],
    locale: 'en',
    theme: {},
    values: {},
    takeFocus: false,
    onScore: vi.fn(async () => {}),
    onComplete: vi.fn(async () => {}),
    onClose: vi.fn(),
    outbox: {
      status: () => ({ pending: 0, storage: 'memory' }),
      subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    },
    ...rest,
  };
  const emit = (pending: number) => listeners.forEach((listener) => listener({ pending, storage: 'memory' }));
  return { request, emit, listeners };
}

/**
 * `languages`: the tables of languages (tag → table), as the engine hands them over once fetched;
 * English's and Thai's are always there (a prompt in a language gets its table before it opens).
 */
export function openPrompt(survey: Partial<Survey> = {}, rest: Partial<PromptRequest> = {}, languages: Record<string, string> = {}) {
  const log = { error: vi.fn(), warn: vi.fn(), debug: vi.fn() };
  const ui = createPromptUi({ log, idle: whenIdle, languages: { en: english, th: thai, ...languages } });
  const made = makeRequest(survey, rest);
  ui.open(made.request);
  const host = () => document.querySelector('hearback-prompt');
  const view = () => within(host()!.shadowRoot!.querySelector<HTMLElement>('.widget')!);
  return { ...made, ui, log, host, view };
}
