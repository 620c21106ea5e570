import * as s from '../schema/schema';
import { endpointProblem } from './endpoint';

/** Schema pieces that carry their own readable message. */

export const text = () =>
  s.union([s.string(), s.catchall({}, s.string())], 'must be a string or a map of locale to string, e.g. { en: "…", th: "…" }');

export const flag = () => s.literal([true, false], 'must be true or false');

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  s.literal<T[number]>(values, 'must be one of ' + values.map((v) => `"${v}"`).join(', '));

type Sized = number | { length: number };
const size = (value: Sized) => (typeof value === 'number' ? value : value.length);
/** `value >= min` for numbers, `length >= min` for strings and lists (and `atMost`). */
export const atLeast = (min: number, error?: string) => s.refine<Sized>((value) => size(value) >= min, error);
export const atMost = (max: number, error?: string) => s.refine<Sized>((value) => size(value) <= max, error);

export const between = (min: number, max: number, what = 'a number') => {
  const error = `must be ${what} from ${min} to ${max}`;
  return s.check(s.number(error), atLeast(min, error), atMost(max, error));
};

/** A safe integer. */
export const whole = (error?: string) => s.check(s.number(error), s.refine(Number.isSafeInteger, error));

export const wholeAtLeast = (min: number) => {
  const error = `must be a whole number of at least ${min}`;
  return s.check(whole(error), atLeast(min, error));
};

/** A string matching `pattern`. */
export const matches = (pattern: RegExp, error: string) => s.refine<string>((value) => pattern.test(value), error);

export const name = (what: string) =>
  s.check(s.string(`must be ${what}`), matches(/^[A-Za-z0-9][\w.:-]{0,63}$/, `must be ${what}: 1–64 letters, digits, "-", "_", ".", ":"`));

export const nonEmpty = (what: string) => s.check(s.string(`must be ${what}`), atLeast(1, `must be ${what}, not empty`));

export const httpsUrl = () =>
  s.check(s.string('must be an https URL string'), s.refine((value: string) => !endpointProblem(value), endpointProblem));

const hexColour = 'must be a hex colour like "#2563eb"';
export const cssColor = () => s.check(s.string(hexColour), matches(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, hexColour));

/** An object of any values (`toPlainData` has already dropped `__proto__` keys). */
export const jsonRecord = (what: string) => s.catchall({}, s.unknown(), `must be ${what}`);
