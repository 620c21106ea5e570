import { safeParse, shielded } from '../common/shielded';
import type * as z from 'zod/mini';
import { optionDefaults, optionSchemas, type OptionValues } from './options-schema';
import { toPlainData } from './plain-data';
import { suggest } from './suggest';
import { surveySchema, type Survey } from './survey-schema';

export type Config = OptionValues & { surveys: Survey[] };

export interface ParsedOptions {
  /** Undefined when the options cannot work at all (no usable endpoint). */
  config?: Config;
  /** One readable sentence per bad value, e.g. `endpoint must be an https URL (got "ftp://x")`. */
  errors: string[];
  /** Unknown keys, with a suggestion where one is close. */
  warnings: string[];
}


/** Validates `init` options at the edge. Never throws; bad fields fall back to their defaults. */
export function parseOptions(input: unknown): ParsedOptions {
  const errors: string[] = [];
  const warnings: string[] = [];
  const options = toPlainData(input);
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    return { errors: [`options must be an object like { endpoint: "https://…", surveys: [...] } (got ${show(input)})`], warnings };
  }
  const given = options as Record<string, unknown>;
  const topLevelKeys = [...Object.keys(optionSchemas), 'surveys'];
  for (const key of Object.keys(given)) {
    if (!topLevelKeys.includes(key)) warnings.push(unknownKey(key, '', topLevelKeys));
  }

  const values: Record<string, unknown> = optionDefaults();
  for (const [key, build] of Object.entries(optionSchemas)) {
    if (given[key] === undefined) continue;
    const result = parseField(shielded(build as () => z.ZodMiniType), given[key], key, errors, warnings);
    if (result.ok) values[key] = result.value;
  }
  if (!values.endpoint) {
    if (given.endpoint === undefined) errors.unshift('endpoint is required: the https URL that receives answers');
    return { errors, warnings };
  }

  if (given.surveys !== undefined && !Array.isArray(given.surveys)) {
    errors.push(`surveys must be a list of survey definitions (got ${show(given.surveys)})`);
  }
  const surveys = parseSurveyList(Array.isArray(given.surveys) ? given.surveys : [], 'surveys', errors, warnings);
  return { config: { ...(values as OptionValues), surveys }, errors, warnings };
}

/**
 * Survey definitions one by one: a bad one is reported (`<path>[2].type must be …`) and left out,
 * the others kept; unknown keys are dropped with a warning; a repeated `id` keeps the first.
 */
export function parseSurveyList(items: readonly unknown[], path: string, errors: string[], warnings: string[]): Survey[] {
  const surveys: Survey[] = [];
  for (const [index, item] of items.entries()) {
    const result = parseField(surveySchema(), toPlainData(item), `${path}[${index}]`, errors, warnings);
    if (!result.ok) continue;
    if (surveys.some((survey) => survey.id === result.value.id)) {
      errors.push(`${path}[${index}].id "${result.value.id}" is used twice: survey ids must be unique`);
      continue;
    }
    surveys.push(result.value);
  }
  return surveys;
}

type Field<T> = { ok: true; value: T } | { ok: false };

/**
 * Parses one field. Unknown keys (zod's `unrecognized_keys`) become warnings with a "did you mean",
 * and are dropped from our copy before the next try; any other problem is an error. Bounded: a
 * definition has few levels of objects, each try removes every unknown key zod reported.
 */
function parseField<S extends z.ZodMiniType>(schema: S, value: unknown, path: string, errors: string[], warnings: string[]): Field<z.output<S>> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = safeParse(schema, value);
    if (result.success) return { ok: true, value: result.data };
    const unknownKeys = result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
    if (!unknownKeys.length) {
      for (const issue of result.error.issues) errors.push(`${joinPath(path, issue.path)} ${issue.message} (got ${show(valueAt(value, issue.path))})`);
      return { ok: false };
    }
    for (const issue of unknownKeys) {
      const parent = valueAt(value, issue.path) as Record<string, unknown>;
      const known = Object.keys(shapeAt(schema, issue.path) ?? {});
      for (const key of issue.keys) {
        warnings.push(unknownKey(key, joinPath(path, issue.path), known));
        delete parent[key];
      }
    }
  }
  return { ok: false };
}

type Def = { type: string; shape?: Record<string, Node>; innerType?: Node; element?: Node; options?: Node[] };
type Node = { _zod: { def: Def } };

/** The object shape a path leads to (for "did you mean"), through optional, list and union wrappers. */
function shapeAt(schema: unknown, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  let node = schema as Node | undefined;
  const unwrap = () => {
    for (let i = 0; i < 5 && node; i++) {
      const def: Def = node._zod.def;
      if (def.innerType) node = def.innerType;
      else if (def.type === 'union') node = def.options!.find((option) => option._zod.def.shape);
      else break;
    }
  };
  for (const key of path) {
    unwrap();
    const def = node?._zod.def;
    node = typeof key === 'number' ? def?.element : def?.shape?.[key as string];
  }
  unwrap();
  return node?._zod.def.shape;
}

function unknownKey(key: string, parentPath: string, known: string[]): string {
  const near = suggest(key, known);
  const where = parentPath ? `${parentPath}.${key}` : key;
  return `unknown option ${where} is ignored` + (near ? ` (did you mean \`${near}\`?)` : '');
}

function joinPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), base);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
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
