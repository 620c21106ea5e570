import type { Logger } from '../common/log';
import type { WhenIdle } from '../common/when-idle';
import type { PromptSource, PromptUi } from '../ui/prompt-types';

/** The prompt UI, brought on demand and kept once here. */
export interface PromptLoader {
  /** Starts bringing the prompt's code and `locale`'s texts without waiting; a failure is forgotten (a later call tries again). */
  prefetch(locale: string): void;
  /** The UI, once its code and `locale`'s texts are here; undefined when they cannot load now (a later call tries again). */
  load(locale: string): Promise<PromptUi | undefined>;
  /** The UI if its code has arrived, else undefined (nothing can be open then). */
  current(): PromptUi | undefined;
  destroy(): void;
}

/**
 * Brings the prompt's code once (a failed load is forgotten, so the next call fetches again) and
 * each language's texts once, into the table the UI reads them from.
 */
export function createPromptLoader({ source, log, idle }: { source: PromptSource; log: Logger; idle: WhenIdle }): PromptLoader {
  const languages: Record<string, string> = {};
  const texts = new Map<string, Promise<unknown>>();
  let ui: PromptUi | undefined;
  let code: Promise<unknown> | undefined;
  let destroyed = false;

  const forget = <T>(promise: Promise<T>, clear: () => void) => promise.catch((error: unknown) => (clear(), Promise.reject(error)));
  const loadCode = () =>
    (code ??= forget(
      source.loadPrompt().then((prompt) => {
        ui ??= prompt.createPromptUi({ log, idle, languages });
        if (destroyed) ui.destroy();
      }),
      () => (code = undefined),
    ));
  const loadTexts = (locale: string) => {
    let loading = texts.get(locale);
    if (!loading) {
      loading = forget(source.loadLanguage(locale).then((table) => table && (languages[locale] = table)), () => texts.delete(locale));
      texts.set(locale, loading);
    }
    return loading;
  };
  const loadAll = (locale: string) => Promise.all([loadCode(), loadTexts(locale)]);

  return {
    prefetch: (locale) => void loadAll(locale).catch((error) => log.debug(`the prompt could not be fetched ahead (${String(error)}); it is fetched again when one is due`)),
    async load(locale) {
      try {
        await loadAll(locale);
        return destroyed ? undefined : ui;
      } catch (error) {
        log.debug(`the prompt could not load (${String(error)})`);
        return undefined;
      }
    },
    current: () => ui,
    destroy() {
      destroyed = true;
      ui?.destroy();
    },
  };
}
