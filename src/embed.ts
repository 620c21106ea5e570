/**
 * The script-tag entry (the loader), and the only module with side effects at load: reads its own
 * `<script>` (the `data-*` attributes, its URL and nonce), drains the stub queue `hearback.q` in
 * order, and defines `window.hearback`. Everything else is a chunk beside this file, pinned by the
 * SRI value the build wrote in: the engine (options checks, triggers, rules, consent, the outbox),
 * fetched in idle time or as soon as a command waits on it; the prompt, which the engine fetches
 * when a survey could show; and the texts of the language a prompt is shown in.
 */
import { createCommandFunction, type HearbackCommandFunction } from './engine/command';
import type { EngineChunk } from './engine/start-from-tag';
import { createLogger } from './common/log';
import { whenIdle } from './common/when-idle';
import { VERSION } from './common/version';
import { builtChunks } from './loading/chunk-manifest';
import { loadScriptChunk } from './loading/load-script-chunk';
import { scriptPromptSource } from './loading/script-prompt-source';

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
    const chunks = builtChunks();
    if (!chunks) return log.error('this build has no chunk manifest; use dist/hearback.min.js as built by npm run build');
    const script = (document.currentScript ?? document.querySelector('script[src*="hearback"][data-endpoint]')) as HTMLScriptElement | null;
    const attributes = { ...script?.dataset };
    // Chunks sit beside this file; they run with the page's nonce when this file had one.
    const place = { base: script?.src || document.baseURI, nonce: script?.nonce || undefined };
    // Running the chunk, each schema warm-up and the start are tasks apart: none is a long task.
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    let engine: Promise<EngineChunk['start']> | undefined;
    const loadEngine = () =>
      (engine ??= (loadScriptChunk('engine', chunks.engine, place) as Promise<EngineChunk>).then(
        async ({ start, warmUp }) => {
          for (const step of warmUp) await nextTask().then(step);
          await nextTask();
          return start;
        },
        (error: unknown) => {
          engine = undefined;
          throw error;
        },
      ));
    const fromTag = {};

    const hearback = createCommandFunction(
      (options) =>
        loadEngine().then((start) =>
          start({
            options: options === fromTag ? undefined : options,
            attributes,
            prompt: (config) => scriptPromptSource(chunks, { ...place, nonce: config.nonce ?? place.nonce }),
            common: { whenIdle, logger: createLogger },
          }),
        ),
      VERSION,
    );

    const queue = Array.from(stub?.q ?? []);
    window.hearback = hearback;
    let initialised = false;
    for (const args of queue) {
      const [command, ...rest] = Array.from(args);
      if (command === 'init') initialised = true;
      (hearback as (...args: unknown[]) => unknown)(command, ...rest);
    }
    // A one-tag install: the tag's data-* attributes are the options (checked when the engine starts).
    if (!initialised && Object.keys(attributes).length) (hearback as (...args: unknown[]) => unknown)('init', fromTag);
  } catch (error) {
    log.error(`could not start: ${String(error)}`);
  }
})();
