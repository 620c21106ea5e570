import { optionsFromAttributes } from '../config/data-attributes';
import type { Config } from '../config/parse-options';
import type { PromptSource } from '../ui/prompt-types';
import { createEngine } from './create';
import { createDefaultParts, type CommonParts } from './default-parts';
import type { Hearback } from './hearback-types';
import { surveySchema } from '../config/survey-schema';
import { triggerSchema } from '../config/trigger-schema';

/** What the loader hands the engine's chunk with each `init`. */
export interface TagStart {
  /** The `init` options; undefined when the tag's `data-*` attributes are the only ones. */
  options: unknown;
  /** A copy of the tag's `data-*` attributes (checked here, so a bad one is reported when the engine starts). */
  attributes?: Record<string, string | undefined>;
  /** The script tag's way to the prompt chunks, with the nonce the options chose. */
  prompt(config: Pick<Config, 'nonce'>): PromptSource;
  /** The loader's idle-time scheduler, logger maker and language tags: the engine's chunk carries no copy of its own. */
  common: CommonParts;
}

/**
 * The script tag's `init`: the tag's `data-*` attributes, then the `init` options over them (their
 * `surveys` added to the tag's), into the same engine as the npm module's. Undefined when there
 * are no options at all (a tag whose `data-*` attributes give no endpoint, and no `init` call):
 * the errors are reported and a later `init` starts as the first.
 */
export function startFromTag({ options, attributes, prompt, common }: TagStart): Hearback | undefined {
  const fromAttributes = attributes && Object.keys(attributes).length ? optionsFromAttributes(attributes) : { errors: [] };
  fromAttributes.errors.forEach(common.logger().error);
  const tagOptions = fromAttributes.options;
  if (!tagOptions && options === undefined) return undefined;
  const given = options && typeof options === 'object' ? (options as Record<string, unknown>) : undefined;
  const surveys = () => [...((tagOptions!.surveys as unknown[]) ?? []), ...(Array.isArray(given!.surveys) ? given!.surveys : [])];
  // Not an object (a typo such as init('x')): the engine reports it as it would for the npm module.
  const merged = tagOptions && given ? { ...tagOptions, ...given, surveys: surveys() } : (options ?? tagOptions);
  return createEngine(merged, createDefaultParts(({ config }) => prompt(config), common));
}

/**
 * What the engine's chunk hands the loader: `start`, and `warmUp` — the first build of the trigger
 * and survey schemas, most of the cost of checking options, which the loader runs in tasks of
 * their own before `start` so that none of them is a long task.
 */
export interface EngineChunk {
  start: typeof startFromTag;
  warmUp: Array<() => unknown>;
}

export const engineChunk = (): EngineChunk => ({ start: startFromTag, warmUp: [triggerSchema, surveySchema] });
