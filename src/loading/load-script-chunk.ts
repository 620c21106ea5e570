import { chunkFile } from './chunk-manifest';
import { chunkEvent } from './chunk-event';

/** Where and how the loader fetches its chunks: its own base URL and the page's CSP nonce. */
export interface ChunkPlace {
  /** The loader's own URL (found when hearback starts: own-script.ts): chunks sit beside it. */
  base: string;
  nonce?: string;
}

/**
 * Runs one chunk (`name`: engine, prompt, lang-<tag>; its file is made from `integrity`, `chunkFile`)
 * and resolves with what it registers. The `<script>` carries the chunk's SRI value
 * and `crossorigin` (integrity needs a CORS fetch for a file of another origin), so a chunk whose
 * bytes differ never runs; and the nonce, so a page whose CSP lists nonces lets it run. Rejects —
 * never throws — when the chunk cannot load (offline, blocked, 404, tampered) or registers nothing.
 */
export function loadScriptChunk(name: string, integrity: string, place: ChunkPlace): Promise<unknown> {
  const chunk = chunkFile(name, integrity);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    let registered: { value: unknown } | undefined;
    const done = (error?: Error) => {
      script.remove();
      if (registered && !error) resolve(registered.value);
      else reject(error ?? new Error(`${chunk.file} registered nothing`));
    };
    script.addEventListener(chunkEvent, (event) => (registered = { value: (event as CustomEvent).detail }));
    script.addEventListener('load', () => done());
    script.addEventListener('error', () => done(new Error(`${chunk.file} could not load (offline, blocked, missing, or not the expected bytes)`)));
    script.src = new URL(chunk.file, place.base).href;
    script.integrity = chunk.integrity;
    script.crossOrigin = 'anonymous';
    if (place.nonce) script.nonce = place.nonce;
    (document.head ?? document.documentElement).append(script);
  });
}
