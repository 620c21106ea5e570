/**
 * The script tag's engine chunk, fetched by the loader (src/embed.ts) in idle time or as soon as a
 * command waits: options checks, triggers, rules, consent and the outbox. Running it only hands
 * `startFromTag` (and the schema warm-ups) to the loader (a script-tag entry: its one side effect).
 */
import { registerChunk } from '../loading/chunk-event';
import { engineChunk } from '../engine/start-from-tag';

registerChunk(engineChunk());
