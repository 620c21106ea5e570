import { describe, expect, it, vi } from 'vitest';
import { createPromptLoader } from '../../../src/engine/prompt-loader';
import type { PromptUi } from '../../../src/ui/prompt-types';

const log = { error: vi.fn(), warn: vi.fn(), debug: vi.fn() };
/** The engine's idle-time scheduler, handed on to the UI (here: never runs). */
const idle = () => () => undefined;
const fakeUi = (): PromptUi => ({ open: () => true, close: () => undefined, isOpen: () => false, destroy: vi.fn() });

describe('prompt loader', () => {
  it('fetches the code once however often it is asked, and hands the UI the languages it loaded', async () => {
    const ui = fakeUi();
    const createPromptUi = vi.fn(() => ui);
    const loadPrompt = vi.fn(async () => ({ createPromptUi }));
    const loadLanguage = vi.fn(async (tag: string) => (tag === 'ja' ? 'table-ja' : undefined));
    const loader = createPromptLoader({ source: { loadPrompt, loadLanguage }, log, idle });
    expect(loader.current()).toBeUndefined();
    loader.prefetch('en');
    const [first, second] = await Promise.all([loader.load('ja'), loader.load('ja')]);
    expect(first).toBe(ui);
    expect(second).toBe(ui);
    expect(loadPrompt).toHaveBeenCalledTimes(1);
    expect(loadLanguage.mock.calls).toEqual([['en'], ['ja']]);
    expect(createPromptUi).toHaveBeenCalledWith({ log, idle, languages: { ja: 'table-ja' } });
  });

  it('forgets a failed load, so the next call fetches again; a failure is never thrown', async () => {
    let online = false;
    const loadPrompt = vi.fn(async () => {
      if (!online) throw new Error('offline');
      return { createPromptUi: fakeUi };
    });
    const loader = createPromptLoader({ source: { loadPrompt, loadLanguage: async () => undefined }, log, idle });
    loader.prefetch('en');
    await expect(loader.load('en')).resolves.toBeUndefined();
    online = true;
    expect(await loader.load('en')).toBeDefined();
    expect(loadPrompt).toHaveBeenCalledTimes(2);
  });

  it('destroyed while the code was on its way: the UI it makes is destroyed at once and never returned', async () => {
    let arrive!: () => void;
    const ui = fakeUi();
    const loader = createPromptLoader({ source: { loadPrompt: () => new Promise((resolve) => (arrive = () => resolve({ createPromptUi: () => ui }))), loadLanguage: async () => undefined }, log, idle });
    const loading = loader.load('en');
    loader.destroy();
    arrive();
    expect(await loading).toBeUndefined();
    expect(ui.destroy).toHaveBeenCalled();
  });
});
