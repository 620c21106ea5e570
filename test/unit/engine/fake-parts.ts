import type { EngineParts } from '../../../src/engine/create';
import type { Survey } from '../../../src/config/survey-schema';
import type { Answer } from '../../../src/payload/answer-schema';
import type { OnFire } from '../../../src/triggers/trigger-types';
import type { PromptRequest } from '../../../src/ui/prompt-types';
import { createMemoryStore } from '../../../src/storage/memory-store';
import { createLogger } from '../../../src/common/log';

/** Recording fakes for every engine part: tests drive the engine through them; idle time comes when `runIdle()` says. */
export function createFakeParts(options: { allow?: boolean; opens?: boolean } = {}) {
  const log: string[] = [];
  const stored = new Map<string, { answer: Answer; held: boolean }>();
  let request: PromptRequest | undefined;
  let fire: OnFire | undefined;
  const tracked: string[] = [];
  const idle = new Set<() => void>();
  /** Whether the prompt's code can load now (offline or blocked when false), and how often it was asked for. */
  const prompt = { available: true, loads: 0 };
  /** What `surveysUrl` answers, when the test releases it (`publish`). */
  let publish!: (surveys: Survey[]) => void;
  const published = new Promise<Survey[]>((resolve) => (publish = resolve));
  const triggered: Survey[][] = [];
  const parts: EngineParts = {
    supportedLocales: ['en', 'th'],
    store: () => createMemoryStore(),
    outbox: ({ emit }) => (log.push('outbox'), {
      async enqueue(answer, opts) {
        stored.set(answer.id, { answer, held: !!opts?.held });
        emit('queued', { id: answer.id, survey: answer.survey, pending: stored.size });
      },
      async amend(answer) {
        stored.set(answer.id, { answer, held: false });
      },
      async release(id) {
        const record = stored.get(id);
        if (record) record.held = false;
      },
      async flush() {
        log.push('flush');
      },
      status: () => ({ pending: stored.size, storage: 'memory' }),
      subscribe: () => () => undefined,
      destroy: () => log.push('outbox.destroy'),
    }),
    rules: () => (log.push('rules'), {
      decide: async (survey: Survey) => ({ show: options.allow ?? true, reason: `${survey.id}: decided` }),
      shown: async (survey) => void log.push('shown ' + survey.id),
      answered: async (survey) => void log.push('answered ' + survey.id),
      dismissed: async (survey) => void log.push('dismissed ' + survey.id),
      identify: (id) => void log.push('identify ' + id),
    }),
    published: () => published,
    triggers: ({ onFire, config }) => {
      fire = onFire;
      triggered.push(config.surveys);
      return { track: (event) => void tracked.push(event), destroy: () => log.push('triggers.destroy') };
    },
    prompt: () => ({
      loadPrompt: async () => {
        prompt.loads++;
        if (!prompt.available) throw new Error('offline');
        return {
        createPromptUi: () => ({
          open: (r) => (options.opens === false ? false : ((request = r), true)),
          close: () => void (request = undefined),
          isOpen: () => !!request,
          destroy: () => log.push('ui.destroy'),
        }),
        };
      },
      loadLanguage: async () => undefined,
    }),
    whenIdle(work) {
      idle.add(work);
      return () => void idle.delete(work);
    },
    logger: createLogger,
  };
  return {
    parts, log, stored, tracked, prompt, publish, triggered,
    get request() { return request; },
    fire: (...args: Parameters<OnFire>) => fire!(...args),
    runIdle() {
      for (const work of idle) {
        idle.delete(work);
        work();
      }
    },
  };
}
