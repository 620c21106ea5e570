import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPromptUi } from '../../../src/ui/prompt-ui';
import { makeRequest } from './request';
import { table as en } from '../../../src/i18n/languages/en';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const log = { error: vi.fn(), warn: vi.fn(), debug: vi.fn() };
const sheetOf = () => document.querySelector('hearback-prompt')!.shadowRoot!.adoptedStyleSheets[0];

/** An idle queue the test runs by hand. */
function idleQueue() {
  const queue: Array<() => void> = [];
  return { queue, idle: (work: () => void) => (queue.push(work), () => undefined), run: () => queue.forEach((work) => work()) };
}

describe('the prompt stylesheet', () => {
  it('is parsed while the page is idle, so the first prompt does not wait for it; every prompt reuses it', () => {
    const parse = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const idle = idleQueue();
    const ui = createPromptUi({ log, idle: idle.idle, languages: { en } });
    expect(parse).not.toHaveBeenCalled();
    idle.run();
    expect(parse).toHaveBeenCalledTimes(1);
    ui.open(makeRequest({ type: 'nps' }).request);
    const first = sheetOf();
    expect(first).toBeInstanceOf(CSSStyleSheet);
    ui.open(makeRequest({ type: 'csat' }).request);
    expect(sheetOf()).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('is built by the first prompt when that comes before the page is idle, and not again', () => {
    const parse = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const idle = idleQueue();
    const ui = createPromptUi({ log, idle: idle.idle, languages: { en } });
    ui.open(makeRequest().request);
    idle.run();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(sheetOf()).toBeInstanceOf(CSSStyleSheet);
  });
});

describe('the prompt without texts', () => {
  it('opens nothing and logs one error when no language table has arrived (the engine loads it first)', () => {
    const ui = createPromptUi({ log, idle: idleQueue().idle, languages: {} });
    ui.open(makeRequest({ type: 'nps' }, { locale: 'ja' }).request);
    expect(document.querySelector('hearback-prompt')).toBeNull();
    expect(ui.isOpen()).toBe(false);
    expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/could not show the prompt: Error: no texts loaded for ja/));
  });
});
