import { Window } from 'happy-dom';
import { vi } from 'vitest';
import { parseOptions } from '../../../src/config/parse-options';
import type { ShowCause } from '../../../src/engine/events';
import type { Logger } from '../../../src/common/log';
import { createMemoryStore } from '../../../src/storage/memory-store';
import type { KeyValueStore } from '../../../src/storage/key-value-store';
import { createTriggers } from '../../../src/triggers/triggers';

export interface Fire {
  survey: string;
  cause: ShowCause;
  takeFocus: boolean;
}

/** A page (happy-dom window at `url`) with hearback triggers on it; `fires` records every onFire. */
export function page(options: Record<string, unknown>, { url = 'https://shop.test/', store = createMemoryStore() as KeyValueStore, win = new Window({ url }) } = {}) {
  const { config, errors } = parseOptions({ endpoint: 'https://collect.test/feedback', ...options });
  if (!config || errors.length) throw new Error(errors.join('\n'));
  const fires: Fire[] = [];
  /** The `context` each fire carried (from `track` props), in the order of `fires`. */
  const contexts: unknown[] = [];
  const log: Logger & { errors: string[]; warnings: string[] } = { errors: [], warnings: [], error: (m) => void log.errors.push(m), warn: (m) => void log.warnings.push(m), debug() {} };
  const triggers = createTriggers({
    config,
    store,
    log,
    window: win as unknown as globalThis.Window,
    onFire: (survey, cause, extra) => {
      fires.push({ survey: survey.id, cause, takeFocus: !!extra?.takeFocus });
      contexts.push(extra?.context);
    },
  });
  return { triggers, fires, contexts, win, store, log, ids: () => fires.map((f) => f.survey) };
}

/** Lets the store reads and queued work settle (fake timers keep running microtasks). */
export const settle = () => vi.advanceTimersByTimeAsync(0);

/** Clicks the first element matching `selector`, like a visitor would. */
export function click(win: Window, selector: string) {
  (win.document.querySelector(selector) as unknown as { click(): void }).click();
}

export function scrollTo(win: Window, y: number, height = 3000) {
  Object.defineProperty(win.document.documentElement, 'scrollHeight', { value: height, configurable: true });
  win.scrollTo(0, y);
  win.dispatchEvent(new win.Event('scroll'));
}
