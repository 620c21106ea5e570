import { safeParse, type Issue, type Result, type Schema } from './schema';

/**
 * A schema as the receiver kit exports it: `safeParse(value)` (zod's result shape), and the
 * Standard Schema v1 interface (`~standard`, https://standardschema.dev) so libraries that accept
 * any standard schema (form and API validators) take it as is.
 */
export interface PublicSchema<Out> {
  safeParse(value: unknown): Result<Out>;
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'hearback';
    validate(value: unknown): { value: Out; issues?: undefined } | { issues: readonly Pick<Issue, 'message' | 'path'>[] };
    readonly types?: { readonly input: unknown; readonly output: Out };
  };
}

export function publicSchema<Out>(schema: Schema<Out>): PublicSchema<Out> {
  const parse = (value: unknown) => safeParse(schema, value) as Result<Out>;
  return {
    safeParse: parse,
    '~standard': {
      version: 1,
      vendor: 'hearback',
      validate(value) {
        const result = parse(value);
        return result.success ? { value: result.data } : { issues: result.error.issues.map(({ message, path }) => ({ message, path })) };
      },
    },
  };
}
