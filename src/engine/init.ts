import { createEngine } from './create';
import { defaultParts } from './default-parts';
import type { Hearback, HearbackOptions } from './hearback-types';

/**
 * Starts hearback: validates the options (a bad field is reported on the console and falls back to
 * its default; nothing throws), starts the triggers and delivers answers left from earlier visits.
 *
 * @example
 * const hb = init({ endpoint: 'https://example.com/feedback', surveys: [{ id: 'after-checkout', type: 'csat', trigger: { event: 'checkout' } }] });
 * hb.track('checkout');
 */
export function init(options: HearbackOptions): Hearback {
  return createEngine(options, defaultParts);
}
