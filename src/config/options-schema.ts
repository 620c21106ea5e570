import * as s from '../schema/schema';
import { between, cssColor, flag, httpsUrl, jsonRecord, nonEmpty, oneOf, wholeAtLeast } from './checks';
import { lazy } from './lazy';
import { dataBoundsProblem } from '../payload/data-bounds';

const withinBounds = s.refine<unknown>((value) => !dataBoundsProblem(value), dataBoundsProblem);

/**
 * Every top-level option except `surveys` (parsed survey by survey, so one bad survey does not take
 * the others down). Each entry is parsed on its own: a bad value is reported and its default
 * (`optionDefaults`) used; a missing one takes its default unparsed.
 */
const buildOptionSchemas = () => ({
  endpoint: httpsUrl(),
  locale: nonEmpty('"auto" or a language tag like "th" or "en-US"'),
  theme: s.strictObject(
    {
      accent: s.optional(cssColor()),
      position: s.optional(oneOf(['bottom-right', 'bottom-left', 'center'])),
      colorScheme: s.optional(oneOf(['auto', 'light', 'dark'])),
    },
    'must be an object like { accent: "#2563eb", position: "bottom-right" }',
  ),
  user: s.check(s.catchall({ id: s.optional(nonEmpty('a user id string')) }, s.unknown()), withinBounds),
  context: s.check(jsonRecord('an object of values attached to every answer'), withinBounds),
  consent: flag(),
  sampleRate: between(0, 1, 'a share'),
  dataLayer: flag(),
  transport: s.strictObject(
    { contentType: s.optional(oneOf(['text/plain', 'application/json'])) },
    'must be an object like { contentType: "text/plain" }',
  ),
  sendFullUrl: flag(),
  nonce: s.optional(nonEmpty('the CSP nonce string')),
  debug: flag(),
  fatigue: s.strictObject(
    { perSession: s.optional(wholeAtLeast(0)), days: s.optional(between(0, 365, 'a number of days')) },
    'must be an object like { perSession: 1, days: 1 }',
  ),
});

/** The option schemas, built on first use (no work at load). */
export const optionSchemas = lazy(buildOptionSchemas);
type Schemas = ReturnType<typeof buildOptionSchemas>;

/**
 * What a missing or bad option becomes. A function, so every parse gets fresh objects.
 */
export const optionDefaults = (): { [K in keyof Schemas]?: s.Output<Schemas[K]> } => ({
  locale: 'auto',
  theme: {},
  user: {},
  context: {},
  consent: true,
  sampleRate: 1,
  dataLayer: false,
  transport: {},
  sendFullUrl: false,
  debug: false,
  fatigue: {},
});

export type OptionKey = keyof Schemas | 'surveys';
type Parsed = { [K in keyof Schemas]: s.Output<Schemas[K]> };
type Given = { [K in keyof Schemas]: s.Input<Schemas[K]> | undefined };
export type OptionValues = Parsed;
export type OptionInputs = Given;
