import type * as z from 'zod/mini';
import { optionDefaults, optionSchemas, type OptionValues } from './options-schema';
import { toPlainData } from './plain-data';
import { suggest } from './suggest';
import { surveySchema, type Survey } from './survey-schema';

export type Config = OptionValues & { surveys: Survey[] };

export interface ParseResult {
  /** Undefined when the options cannot work at all (no usable endpoint). */
  config?: Config;
  /** One readable sentence per bad value, e.g. `endpoint must be an https URL (got "ftp://x")`. */
  errors: string[];
  /** Unknown keys, with a suggestion where one is close. */
  warnings: string[];
}


/** Validates `init` options at the edge. Never throws; bad fields fall back to their defaults. */
export function parseOptions(input: unknown): ParseResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const options = toPlainData(input);
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    return { errors: [`options must be an object like { endpoint: "https://…", surveys: [...] } (got ${show(input)})`], warnings };
  }
  const given = options as Record<string, unknown>;
  const topLevelKeys = [...Object.keys(optionSchemas()), 'surveys'];
  for (const key of Object.keys(given)) {
    if (!topLevelKeys.includes(key)) warnings.push(unknownKey(key, '', topLevelKeys));
  }

  const values: Record<string, unknown> = optionDefaults();
  for (const [key, schema] of Object.entries(optionSchemas())) {
    if (given[key] === undefined) continue;
    const result = parseField(schema, given[key], key, errors, warnings);
    if (result.ok) values[key] = result.value;
  }
  if (!values.endpoint) {
    if (given.endpoint === undefined) errors.unshift('endpoint is required: the https URL that receives answers');
    return { errors, warnings };
  }

  const surveys: Survey[] = [];
  if (given.surveys !== undefined && !Array.isArray(given.surveys)) {
    errors.push(`surveys must be a list of survey definitions (got ${show(given.surveys)})`);
  }
  const seen = new Set<string>();
  for (const [index, item] of (Array.isArray(given.surveys) ? given.surveys : []).entries()) {
    const result = parseField(surveySchema(), item, `surveys[${index}]`, errors, warnings);
    if (!result.ok) continue;
    if (seen.has(result.value.id)) {
      errors.push(`surveys[${index}].id "${result.value.id}" is used twice: survey ids must be unique`);
      continue;
    }
    seen.add(result.value.id);
    surveys.push(result.value);
  }
  return { config: { ...(values as OptionValues), surveys }, errors, warnings };
}

type Field<T> = { ok: true; value: T } | { ok: false };

/** Parses one field; unknown nested keys become warnings and are dropped, not fatal. */
function parseField<S extends z.ZodMiniType>(schema: S, value: unknown, path: string, errors: string[], warnings: string[]): Field<z.output<S>> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = schema.safeParse(value);
    if (result.success) return { ok: true, value: result.data as z.output<S> };
    const unknownKeys = result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
    if (!unknownKeys.length) {
      for (const issue of result.error.issues) {
        const where = joinPath(path, issue.path);
        errors.push(`${where} ${issue.message} (got ${show(valueAt(value, issue.path))})`);
      }
      return { ok: false };
    }
    for (const issue of unknownKeys) {
      const parent = valueAt(value, issue.path) as Record<string, unknown>;
      const known = Object.keys(schemaShapeAt(schema, issue.path) ?? {});
      for (const key of (issue as { keys: string[] }).keys) {
        warnings.push(unknownKey(key, joinPath(path, issue.path), known));
        delete parent[key];
      }
    }
  }
  return { ok: false };
}

function unknownKey(key: string, parentPath: string, known: string[]): string {
  const near = suggest(key, known);
  const where = parentPath ? `${parentPath}.${key}` : key;
  return `unknown option ${where} is ignored` + (near ? ` (did you mean \`${near}\`?)` : '');
}

/** Finds the object shape for a path (to suggest keys); walks optional/default/union wrappers. */
function schemaShapeAt(schema: unknown, path: PropertyKey[]): Record<string, unknown> | undefined {
  let current = schema as { _zod?: { def: Record<string, unknown> } } | undefined;
  const unwrap = () => {
    for (let i = 0; i < 5 && current?._zod; i++) {
      const def = current._zod.def;
      if (def.innerType) current = def.innerType as typeof current;
      else if (def.type === 'union') current = (def.options as (typeof current)[]).find((option) => option?._zod?.def.shape);
      else break;
    }
  };
  for (const key of path) {
    unwrap();
    const def = current?._zod?.def;
    current = (typeof key === 'number' ? def?.element : (def?.shape as Record<string, unknown> | undefined)?.[key as string]) as typeof current;
  }
  unwrap();
  return current?._zod?.def.shape as Record<string, unknown> | undefined;
}

function joinPath(base: string, path: PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), base);
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (current && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined), value);
}

/** The offending value, short enough for one console line. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}
