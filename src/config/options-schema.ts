import * as z from 'zod/mini';
import { between, cssColor, flag, httpsUrl, jsonRecord, nonEmpty, oneOf, wholeAtLeast } from './checks';

/**
 * Every top-level option except `surveys` (parsed survey by survey, so one bad survey does not take
 * the others down). Each entry is parsed on its own: a bad value is reported and its default used.
 */
export const optionSchemas = {
  endpoint: httpsUrl(),
  locale: z._default(nonEmpty('"auto" or a language tag like "th" or "en-US"'), 'auto'),
  theme: z._default(
    z.strictObject(
      {
        accent: z.optional(cssColor()),
        position: z.optional(oneOf(['bottom-right', 'bottom-left', 'center'])),
        colorScheme: z.optional(oneOf(['auto', 'light', 'dark'])),
      },
      { error: 'must be an object like { accent: "#2563eb", position: "bottom-right" }' },
    ),
    {},
  ),
  user: z._default(
    z.catchall(z.object({ id: z.optional(nonEmpty('a user id string')) }), z.unknown()),
    {},
  ),
  context: z._default(jsonRecord('an object of values attached to every answer'), {}),
  consent: z._default(flag(), true),
  sampleRate: z._default(between(0, 1, 'a share'), 1),
  dataLayer: z._default(flag(), false),
  transport: z._default(
    z.strictObject(
      { contentType: z.optional(oneOf(['text/plain', 'application/json'])) },
      { error: 'must be an object like { contentType: "text/plain" }' },
    ),
    {},
  ),
  sendFullUrl: z._default(flag(), false),
  nonce: z.optional(nonEmpty('the CSP nonce string')),
  debug: z._default(flag(), false),
  fatigue: z._default(
    z.strictObject(
      { perSession: z.optional(wholeAtLeast(0)), days: z.optional(between(0, 365, 'a number of days')) },
      { error: 'must be an object like { perSession: 1, days: 1 }' },
    ),
    {},
  ),
};

export type OptionKey = keyof typeof optionSchemas | 'surveys';
type Parsed = { [K in keyof typeof optionSchemas]: z.output<(typeof optionSchemas)[K]> };
type Given = { [K in keyof typeof optionSchemas]: z.input<(typeof optionSchemas)[K]> };
export type OptionValues = Parsed;
export type OptionInputs = Given;
