/**
 * The script-tag entry, and the only module with side effects: reads the `data-*` attributes of
 * its own `<script>`, drains the stub queue `hearback.q` in order, and defines `window.hearback`.
 */
import { createCommandFunction, type HearbackCommandFunction } from './engine/command';
import { optionsFromAttributes } from './config/data-attributes';
import { init } from './engine/init';
import { createLogger } from './common/log';
import { VERSION } from './common/version';

declare global {
  interface Window {
    hearback?: HearbackCommandFunction;
  }
}

(() => {
  const log = createLogger();
  try {
    const stub = window.hearback;
    if (stub && typeof stub.version === 'string') return log.warn('loaded twice; the second copy does nothing');
    const script = (document.currentScript ?? document.querySelector('script[src*="hearback"][data-endpoint]')) as HTMLScriptElement | null;
    // Checking builds the attribute schemas: wasted on a tag without data-* (stub-queue installs).
    const fromAttributes = script && Object.keys(script.dataset).length ? optionsFromAttributes(script.dataset) : { errors: [] };
    fromAttributes.errors.forEach(log.error);
    const attributeOptions = fromAttributes.options;

    const hearback = createCommandFunction((options) => {
      if (!attributeOptions || options === attributeOptions || !options || typeof options !== 'object') return init((options ?? attributeOptions) as never);
      const given = options as Record<string, unknown>;
      const surveys = [...((attributeOptions.surveys as unknown[]) ?? []), ...(Array.isArray(given.surveys) ? given.surveys : [])];
      return init({ ...attributeOptions, ...given, surveys } as never);
    }, VERSION);

    const queue = Array.from(stub?.q ?? []);
    window.hearback = hearback;
    let initialised = false;
    for (const args of queue) {
      const [command, ...rest] = Array.from(args);
      if (command === 'init') initialised = true;
      (hearback as (...args: unknown[]) => unknown)(command, ...rest);
    }
    if (!initialised && attributeOptions) hearback('init', attributeOptions as never);
  } catch (error) {
    log.error(`could not start: ${String(error)}`);
  }
})();
