import type { Logger } from '../common/log';
import { dataBoundsProblem } from './data-bounds';

/**
 * The `context` of one answer: `options.context`, with the plain data of the event that opened the
 * prompt (or of `show`'s `context`) over it. When the two together are over the answer's bounds,
 * the event's part is left out with a warning and `options.context` alone is sent.
 */
export function answerContext(base: Record<string, unknown>, fromEvent: Record<string, unknown> | undefined, log: Logger): Record<string, unknown> {
  if (!fromEvent) return base;
  const merged = { ...base, ...fromEvent };
  const problem = dataBoundsProblem(merged);
  if (!problem) return merged;
  log.warn(`the event's context is not attached to the answer: with options.context it ${problem}`);
  return base;
}
