import * as z from 'zod/mini';
import { dataBoundsProblem } from '../payload/data-bounds';
import { endpointProblem } from './endpoint';

/**
 * Schema pieces that carry their own readable message. zod/mini ships no locale text and we never
 * call `z.config` (its settings are global, shared with any zod on the host page), so every schema
 * a person can get wrong says what it wants here.
 */

export const text = () =>
  z.union([z.string(), z.catchall(z.object({}), z.string())], {
    error: 'must be a string or a map of locale to string, e.g. { en: "…", th: "…" }',
  });

export const flag = () => z.boolean({ error: 'must be true or false' });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.literal(values, { error: 'must be one of ' + values.map((v) => `"${v}"`).join(', ') });

type Sized = number | { length: number };
const size = (value: Sized) => (typeof value === 'number' ? value : value.length);
/** `value >= min` for numbers, `length >= min` for strings and lists (and `atMost`), with our message. */
export const atLeast = (min: number, error?: string) => z.refine<Sized>((value) => size(value) >= min, { error });
export const atMost = (max: number, error?: string) => z.refine<Sized>((value) => size(value) <= max, { error });

export const between = (min: number, max: number, what = 'a number') => {
  const error = `must be ${what} from ${min} to ${max}`;
  return z.number({ error }).check(atLeast(min, error), atMost(max, error));
};

/** A safe integer. */
export const whole = (error?: string) => z.number({ error }).check(z.refine(Number.isSafeInteger, { error }));

export const wholeAtLeast = (min: number) => {
  const error = `must be a whole number of at least ${min}`;
  return whole(error).check(atLeast(min, error));
};

/** A string matching `pattern`. */
export const matches = (pattern: RegExp, error: string) => z.refine<string>((value) => pattern.test(value), { error });

/** A name an owner gives (a survey's `id`): 1–64 of letters, digits, `-`, `_`, `.`, `:`, starting with a letter or digit. */
export const namePattern = /^[A-Za-z0-9][\w.:-]{0,63}$/;
/** What `namePattern` allows, in words. */
export const nameRule = '1–64 letters, digits, "-", "_", ".", ":"';

export const name = (what: string) =>
  z.string({ error: `must be ${what}` }).check(matches(namePattern, `must be ${what}: ${nameRule}`));

export const nonEmpty = (what: string) => z.string({ error: `must be ${what}` }).check(atLeast(1, `must be ${what}, not empty`));

export const httpsUrl = () =>
  z.string({ error: 'must be an https URL string' }).check(
    z.refine((value) => !endpointProblem(value), { error: (issue) => endpointProblem(String(issue.input)) }),
  );

const hexColour = 'must be a hex colour like "#2563eb"';
export const cssColor = () => z.string({ error: hexColour }).check(matches(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, hexColour));

/** Within the answer's bounds for `user` and `context` (5 levels, 4,096 bytes as JSON). */
export const withinDataBounds = () => z.refine((value: unknown) => !dataBoundsProblem(value), { error: (issue) => dataBoundsProblem(issue.input) });

/** An object of any values within the answer's bounds: `context`, in options and in the payload. */
export const dataRecord = (what: string) => z.catchall(z.object({}, { error: `must be ${what}` }), z.unknown()).check(withinDataBounds());
