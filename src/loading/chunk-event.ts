/**
 * The private hook between the loader and its chunks: a chunk's script dispatches this event, with
 * what it carries as `detail`, on its own `<script>` element (`document.currentScript`), which the
 * loader inserted and listens on. No page global is involved.
 */
export const chunkEvent = 'hearback:chunk';

/** Called once by a chunk's entry, while its script runs. */
export function registerChunk(value: unknown) {
  document.currentScript?.dispatchEvent(new CustomEvent(chunkEvent, { detail: value }));
}
