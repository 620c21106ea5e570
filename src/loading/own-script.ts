import type { ChunkPlace } from './load-script-chunk';

/** What the loader reads off its own `<script>`: where its chunks are, the page's nonce, the `data-*` options. */
export interface OwnTag {
  place: ChunkPlace;
  attributes: Record<string, string | undefined>;
}

/** The first `https://…:line:column` in a stack: the file of the frame that made it. */
const frameFile = /(https?:\/\/\S+?):\d+:\d+/;

/**
 * The loader's own `<script>`, looked up when hearback starts (idle time), not while the page loads:
 * the first script handle to an element (`document.currentScript`) makes the browser build the
 * element's DOM wrappers, most of what the loader cost at load when it was the first script to touch
 * the DOM (docs/performance.md). By then `currentScript` is null, so the file's URL comes from the
 * stack of this call (every engine names each frame's file; `stack` is passed in by tests), and the
 * tag is the script with that URL; failing that (a page that turned stacks off), the first whose file
 * name says hearback. A tag the page removed since still gives its URL, not its nonce or options.
 */
export function ownTag(doc: Document = document, stack: string | undefined = new Error().stack): OwnTag {
  const url = frameFile.exec(stack ?? '')?.[1];
  const scripts = Array.from(doc.scripts);
  const script = scripts.find((element) => element.src === url) || scripts.find((element) => /hearback[^/]*$/.test(element.src));
  return {
    // Chunks sit beside this file; they run with the page's nonce when this file had one.
    place: { base: url || script?.src || doc.baseURI, nonce: script?.nonce || undefined },
    attributes: { ...script?.dataset },
  };
}
