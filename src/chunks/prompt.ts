/**
 * The script tag's prompt chunk, fetched by the engine when a survey could show on the page (in
 * idle time) or is due (at once): preact, signals, the UI and its stylesheet (each language's
 * texts are a chunk of their own, fetched beside it).
 * Running it only hands the prompt's code to the loader (a script-tag entry: its one side effect).
 */
import { registerChunk } from '../loading/chunk-event';
import { promptCode } from '../ui/prompt-code';

registerChunk(promptCode);
