import type { ChunkPlace } from './load-script-chunk';

/** What the loader reads off its own `<script>`: where its chunks are, the page's nonce, the `data-*` options. */
export interface OwnTag {
  place: ChunkPlace;
  attributes: Record<string, string | undefined>;
  /** Whether the tag was found (a page may remove it before hearback starts: then its options and nonce are unknown). */
  found: boolean;
}

/** Every `https://…:line:column` in a stack, in order: the file of each frame. */
const frameFiles = /(https?:\/\/\S+?):\d+:\d+/g;

/** An Error's stack as text: '' when a page's `Error.prepareStackTrace` throws or makes something else of it. */
function stackOf(made: { stack?: unknown }): string {
  try {
    return typeof made.stack === 'string' ? made.stack : '';
  } catch {
    return '';
  }
}

/** A script whose file name says hearback. */
const named = (element: HTMLScriptElement) => /hearback[^/]*$/.test(element.src);

/**
 * The loader's own `<script>`, looked up when hearback starts (idle time, or the next task when a
 * command waits), not while the loader is evaluated: the first script handle to an element
 * (`document.currentScript`) makes the browser build the element's DOM wrappers, most of what the
 * loader cost at load when it was the first script to touch the DOM (docs/performance.md). By then
 * `currentScript` is null, so the file's URL comes from the stack of `made`, an Error made in this
 * call (every engine names each frame's file): its first frame, unless a later frame's file is a
 * script named hearback (a page's replacement `Error`, zone.js's say, adds a frame of its own on
 * top). The tag is the script with that URL; failing that (a page that turned stacks off, a URL that
 * redirected), the first whose file name says hearback. A tag the page removed since still gives
 * its URL, not its nonce or options.
 */
export function ownTag(doc: Document, made: { stack?: unknown } = new Error()): OwnTag {
  const urls = Array.from(stackOf(made).matchAll(frameFiles), (match) => match[1]);
  const scripts = Array.from(doc.scripts);
  const url = urls.find((candidate) => scripts.some((element) => element.src === candidate && named(element))) ?? urls[0];
  const script = scripts.find((element) => element.src === url) || scripts.find(named);
  return {
    // Chunks sit beside this file; they run with the page's nonce when this file had one.
    place: { base: url || script?.src || doc.baseURI, nonce: script?.nonce || undefined },
    attributes: { ...script?.dataset },
    found: !!script,
  };
}
