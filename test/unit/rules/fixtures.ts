import { parseOptions } from '../../../src/config/parse-options';
import type { Survey } from '../../../src/config/survey-schema';
import type { Logger } from '../../../src/common/log';
import { createRules } from '../../../src/rules/rules';
import { createMemoryStore } from '../../../src/storage/memory-store';
import type { KeyValueStore } from '../../../src/storage/key-value-store';

export const day = 86_400_000;
export const silent: Logger = { error() {}, warn() {}, debug() {} };

/** A validated config, exactly as the engine would pass it. */
export function configOf(options: Record<string, unknown>) {
  const { config, errors } = parseOptions({ endpoint: 'https://collect.test/feedback', ...options });
  if (!config || errors.length) throw new Error(errors.join('\n'));
  return config;
}

/** Rules on a shared store with a clock the test moves by hand. */
export function setup(options: Record<string, unknown> = {}, store: KeyValueStore = createMemoryStore()) {
  const clock = { now: Date.UTC(2026, 10, 23, 10) };
  const config = configOf(options);
  const make = () => createRules({ config, store, log: silent, now: () => clock.now, random: Math.random });
  const rules = make();
  const survey = (id: string): Survey => config.surveys.find((s) => s.id === id) ?? ({ id, type: id } as Survey);
  const advance = (ms: number) => void (clock.now += ms);
  return { rules, make, store, config, clock, survey, advance };
}
