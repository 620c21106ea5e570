import * as z from 'zod/mini';
import { endpointProblem } from './endpoint';

/** Schema pieces that carry their own readable message (zod/mini ships no locale text). */

export const text = () =>
  z.union([z.string(), z.catchall(z.object({}), z.string())], {
    error: 'must be a string or a map of locale to string, e.g. { en: "…", th: "…" }',
  });

// Literal sets instead of z.boolean / z.enum: one schema class for all of them (~0.3 KB gzip less).
export const flag = () => z.literal([true, false], { error: 'must be true or false' });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.literal(values, { error: 'must be one of ' + values.map((v) => `"${v}"`).join(', ') });

type Sized = number | { length: number };
const size = (value: Sized) => (typeof value === 'number' ? value : value.length);
/**
 * `value >= min` for numbers, `length >= min` for strings and lists (and `atMost`): refines,
 * cheaper in the bundle than zod's four size checks, with the same messages.
 */
export const atLeast = (min: number, error?: string) => z.refine<Sized>((value) => size(value) >= min, error);
export const atMost = (max: number, error?: string) => z.refine<Sized>((value) => size(value) <= max, error);

export const between = (min: number, max: number, what = 'a number') =>
  z.number({ error: `must be ${what} from ${min} to ${max}` }).check(
    atLeast(min, `must be ${what} from ${min} to ${max}`),
    atMost(max, `must be ${what} from ${min} to ${max}`),
  );

/** A safe integer, like `z.int()` without zod's number-format schema (~0.4 KB gzip in the bundle). */
export const whole = (error?: string) => z.number({ error }).check(z.refine(Number.isSafeInteger, error));

export const wholeAtLeast = (min: number) => {
  const error = `must be a whole number of at least ${min}`;
  return whole(error).check(atLeast(min, error));
};

/** A string matching `pattern`: a refine, cheaper in the bundle than zod's string-format check. */
export const matches = (pattern: RegExp, error: string) => z.refine<string>((value) => pattern.test(value), error);

export const name = (what: string) =>
  z.string({ error: `must be ${what}` }).check(
    matches(/^[A-Za-z0-9][\w.:-]{0,63}$/, `must be ${what}: 1–64 letters, digits, "-", "_", ".", ":"`),
  );

export const nonEmpty = (what: string) =>
  z.string({ error: `must be ${what}` }).check(atLeast(1, `must be ${what}, not empty`));

export const httpsUrl = () =>
  z.string({ error: 'must be an https URL string' }).check(
    z.refine((value) => !endpointProblem(value), { error: (issue) => endpointProblem(String(issue.input)) }),
  );

export const cssColor = () =>
  z.string({ error: 'must be a hex colour like "#2563eb"' }).check(
    matches(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour like "#2563eb"'),
  );

/** An object of any values; `__proto__` keys are dropped. An object schema with a catchall costs
 * far less than `z.record` in the bundle. */
export const jsonRecord = (what: string) => z.catchall(z.object({}, { error: `must be ${what}` }), z.unknown());
