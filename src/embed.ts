/**
 * The script-tag entry (the loader), and the only module with side effects at load: drains the stub
 * queue `hearback.q` in order and defines `window.hearback`; when hearback starts (idle time, or
 * sooner when a command waits), it reads its own `<script>` (its URL and nonce, the `data-*`
 * options: src/loading/own-script.ts). Everything else is a chunk beside this file, pinned by the
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
import { ownTag, type OwnTag } from './loading/own-script';
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
    // Read once, when the first init runs, not while this file is evaluated: no DOM element is
    // touched now (nor an Error made: a stack captured at load measured 2 ms at 4× throttle).
    let tag: OwnTag | undefined;
    const own = () => {
      if (tag) return tag;
      tag = ownTag(document);
      if (!tag.found) log.warn('its <script> was gone when it started: no data-* options or nonce were read');
      return tag;
    };
    // Running the chunk, each schema warm-up and the start are tasks apart: none is a long task.
    const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
    let engine: Promise<EngineChunk['start']> | undefined;
    const loadEngine = () =>
      (engine ??= (loadScriptChunk('engine', chunks.engine, own().place) as Promise<EngineChunk>).then(
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

    const hearback = createCommandFunction((options) => {
      const { place, attributes } = own();
      // A tag with no data-* options and no init call: nothing to start, nothing fetched.
      if (options === fromTag && !Object.keys(attributes).length) return undefined;
      return loadEngine().then((start) =>
        start({
          options: options === fromTag ? undefined : options,
          attributes,
          prompt: (config) => scriptPromptSource(chunks, { ...place, nonce: config.nonce ?? place.nonce }),
          common: { whenIdle, logger: createLogger, supportedLocales: Object.keys(chunks.languages) },
        }),
      );
    }, VERSION);

    const queue = Array.from(stub?.q ?? []);
    window.hearback = hearback;
    let initialised = false;
    for (const args of queue) {
      const [command, ...rest] = Array.from(args);
      if (command === 'init') initialised = true;
      (hearback as (...args: unknown[]) => unknown)(command, ...rest);
    }
    // A one-tag install: the tag's data-* attributes are the options (read when this init runs, checked
    // when the engine starts; a tag without them starts nothing, and a later init is the first).
    if (!initialised) (hearback as (...args: unknown[]) => unknown)('init', fromTag);
  } catch (error) {
    log.error(`could not start: ${String(error)}`);
  }
})();
