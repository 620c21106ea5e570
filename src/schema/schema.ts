/**
 * The schemas every boundary is checked with: options, `data-*` attributes, records read back from
 * IndexedDB, and bodies in the receiver kit. A schema is a plain object with one `run` function —
 * building one costs an allocation, not a class hierarchy, and the whole kit is ~0.6 KB gzip.
 * (It replaced zod/mini, which cost 5.6 KB gzip of the script-tag bundle and ~55 ms of main thread
 * at 4× CPU throttle to build and run the option schemas; see README "Size and speed".)
 *
 * Semantics follow zod's, as far as hearback uses them: objects strip unknown keys, `strictObject`
 * reports them, every field is checked (all problems at once), a union takes the first option that
 * passes, and checks run only when the value has the right shape.
 */
export interface Issue {
  path: PropertyKey[];
  message: string;
  /** Wrong type or unknown keys: the value does not have the shape at all (refinements are not fatal). */
  fatal?: boolean;
  /** For unknown keys: the keys, and the keys that were expected (for "did you mean"). */
  keys?: string[];
  known?: string[];
}

export interface Schema<Out, In = Out> {
  run(value: unknown, path: PropertyKey[], issues: Issue[]): Out;
  /** Type-level only. */
  readonly types?: { out: Out; in: In };
}
export interface Optional<Out, In> extends Schema<Out | undefined, In | undefined> {
  optional: true;
}
export type Any = Schema<unknown, unknown>;
export type Output<S> = S extends Schema<infer Out, unknown> ? Out : never;
export type Input<S> = S extends Schema<unknown, infer In> ? In : never;

type Shape = Record<string, Any>;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Fields<S extends Shape, Side extends 'out' | 'in'> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: NonNullable<S[K]['types']>[Side] } & {
    [K in OptionalKeys<S>]?: NonNullable<S[K]['types']>[Side];
  }
>;

export type Result<Out> = { success: true; data: Out } | { success: false; error: { issues: Issue[] } };

/** Parses `value`; never throws. */
export function safeParse<S extends Any>(schema: S, value: unknown): Result<Output<S>> {
  const issues: Issue[] = [];
  const data = schema.run(value, [], issues) as Output<S>;
  return issues.length ? { success: false, error: { issues } } : { success: true, data };
}

const invalid = 'Invalid input';

/** Reports that `value` does not have the shape at all; returns it unchanged. */
const reject = <Out>(value: unknown, path: PropertyKey[], issues: Issue[], message = invalid) => (issues.push({ path, message, fatal: true }), value as Out);

/** A schema that accepts `value` when `test` passes and reports `error` otherwise. */
const typed = <Out>(test: (value: unknown) => boolean, error?: string): Schema<Out> => ({
  run: (value, path, issues) => (test(value) ? (value as Out) : reject<Out>(value, path, issues, error)),
});

export const string = (error?: string) => typed<string>((value) => typeof value == 'string', error);
/** A finite number (NaN and ±Infinity are refused, as zod does). */
export const number = (error?: string) => typed<number>(Number.isFinite, error);
export const unknown = () => typed<unknown>(() => true);

type Literal = string | number | boolean;
/** One of the given values (`literal(1)`, `literal(['a', 'b'])`). */
export const literal = <const T extends Literal>(values: T | readonly T[], error?: string) =>
  typed<T>((value) => ([] as unknown[]).concat(values).includes(value), error);

export const optional = <Out, In>(schema: Schema<Out, In>): Optional<Out, In> => ({
  optional: true,
  run: (value, path, issues) => (value === undefined ? value : schema.run(value, path, issues)),
});

export const array = <Out, In>(item: Schema<Out, In>, error?: string): Schema<Out[], In[]> => ({
  run: (value, path, issues) =>
    Array.isArray(value) ? value.map((each, i) => item.run(each, [...path, i], issues)) : reject<Out[]>(value, path, issues, error),
});

/**
 * An object with the given fields. Unknown keys are dropped (`'strip'`), reported as one issue
 * (`'strict'`), or each checked with a schema and kept (`catchall`).
 */
function objectOf<S extends Shape>(shape: S, unknownKeys: 'strip' | 'strict' | Any, error?: string) {
  const known = Object.keys(shape);
  return {
    run(value: unknown, path: PropertyKey[], issues: Issue[]) {
      if (!value || typeof value != 'object' || Array.isArray(value)) return reject(value, path, issues, error);
      const given = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of known) {
        const field = shape[key].run(given[key], [...path, key], issues);
        if (key in given) out[key] = field;
      }
      const extra = Object.keys(given).filter((key) => !known.includes(key));
      if (unknownKeys == 'strict') {
        if (extra.length) issues.push({ path, message: `has unknown keys (${extra.join(', ')})`, fatal: true, keys: extra, known });
      } else if (unknownKeys != 'strip') for (const key of extra) out[key] = unknownKeys.run(given[key], [...path, key], issues);
      return out;
    },
  };
}

export const object = <S extends Shape>(shape: S, error?: string) =>
  objectOf(shape, 'strip', error) as Schema<Fields<S, 'out'>, Fields<S, 'in'>>;
export const strictObject = <S extends Shape>(shape: S, error?: string) =>
  objectOf(shape, 'strict', error) as Schema<Fields<S, 'out'>, Fields<S, 'in'>>;
export const catchall = <S extends Shape, Out, In>(shape: S, rest: Schema<Out, In>, error?: string) =>
  objectOf(shape, rest, error) as Schema<Flat<Fields<S, 'out'> & Record<string, Out>>, Flat<Fields<S, 'in'> & Record<string, In>>>;

/**
 * The first option that passes. When none does, and exactly one failed only on refinements (it has
 * the right shape, e.g. an empty string where a non-empty one is due), its messages are more
 * useful than the union's own; otherwise the union reports `error`.
 */
export const union = <Options extends readonly Any[]>(options: Options, error = invalid): Schema<Output<Options[number]>, Input<Options[number]>> => ({
  run(value, path, issues) {
    const near: Array<[unknown, Issue[]]> = [];
    for (const option of options) {
      const own: Issue[] = [];
      const out = option.run(value, path, own);
      if (!own.length) return out as Output<Options[number]>;
      if (!own.some((issue) => issue.fatal)) near.push([out, own]);
    }
    if (near.length == 1) return issues.push(...near[0][1]), near[0][0] as Output<Options[number]>;
    return reject<Output<Options[number]>>(value, path, issues, error);
  },
});

export interface Check<T> {
  test(value: T): boolean;
  /** The message, or a function of the value that words it. */
  error?: string | ((value: T) => string | undefined);
  /** Skip the checks after this one when it fails (and count the failure as fatal, as zod does). */
  abort?: boolean;
  /** Report the problem at this path below the value instead of at the value. */
  path?: PropertyKey[];
}

export const refine = <T>(test: (value: T) => boolean, error?: Check<T>['error'] | Omit<Check<T>, 'test'>): Check<T> =>
  error && typeof error == 'object' ? { test, ...error } : { test, error };

/** `schema`, then `checks` in order, once the value has the right shape. */
export const check = <Out, In>(schema: Schema<Out, In>, ...checks: Check<Out>[]): Schema<Out, In> => ({
  run(value, path, issues) {
    const before = issues.length;
    const out = schema.run(value, path, issues);
    if (issues.slice(before).some((issue) => issue.fatal)) return out;
    for (const { test, error = invalid, abort, path: below = [] } of checks) {
      if (test(out)) continue;
      issues.push({ path: [...path, ...below], message: (typeof error == 'function' ? error(out) : error) ?? invalid, fatal: abort });
      if (abort) break;
    }
    return out;
  },
});
