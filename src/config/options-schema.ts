import * as z from 'zod/mini';
import { between, cssColor, dataRecord, flag, httpsUrl, nonEmpty, oneOf, wholeAtLeast, withinDataBounds } from './checks';

/**
 * Every top-level option except `surveys` (parsed survey by survey, so one bad survey does not take
 * the others down), each as the function that builds its schema: only the options a page gives are
 * built and parsed. Each is parsed on its own: a bad value is reported and its default
 * (`optionDefaults`) used; a missing one takes its default unparsed.
 */
export const optionSchemas = {
  endpoint: () => httpsUrl(),
  surveysUrl: () => httpsUrl(),
  shownUrl: () => httpsUrl(),
  locale: () => nonEmpty('"auto" or a language tag like "th" or "en-US"'),
  theme: () => z.strictObject(
    {
      accent: z.optional(cssColor()),
      position: z.optional(oneOf(['bottom-right', 'bottom-left', 'center'])),
      colorScheme: z.optional(oneOf(['auto', 'light', 'dark'])),
    },
    { error: 'must be an object like { accent: "#2563eb", position: "bottom-right" }' },
  ),
  user: () => z.catchall(z.object({ id: z.optional(nonEmpty('a user id string')) }), z.unknown()).check(withinDataBounds()),
  context: () => dataRecord('an object of values attached to every answer'),
  consent: () => flag(),
  sampleRate: () => between(0, 1, 'a share'),
  dataLayer: () => flag(),
  transport: () => z.strictObject(
    { contentType: z.optional(oneOf(['text/plain', 'application/json'])) },
    { error: 'must be an object like { contentType: "text/plain" }' },
  ),
  sendFullUrl: () => flag(),
  nonce: () => z.optional(nonEmpty('the CSP nonce string')),
  debug: () => flag(),
  fatigue: () => z.strictObject(
    { perSession: z.optional(wholeAtLeast(0)), days: z.optional(between(0, 365, 'a number of days')) },
    { error: 'must be an object like { perSession: 1, days: 1 }' },
  ),
};

type Schemas = { [K in keyof typeof optionSchemas]: ReturnType<(typeof optionSchemas)[K]> };

/**
 * What a missing or bad option becomes. A function, so every parse gets fresh objects.
 */
export const optionDefaults = (): { [K in keyof Schemas]?: z.output<Schemas[K]> } => ({
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

type Parsed = { [K in keyof Schemas]: z.output<Schemas[K]> };
type Given = { [K in keyof Schemas]: z.input<Schemas[K]> | undefined };
export type OptionValues = Parsed;
export type OptionInputs = Given;
