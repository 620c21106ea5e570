import { optionDefaults, optionSchemas, type OptionValues } from './options-schema';
import { toPlainData } from './plain-data';
import type { Any, Issue, Output } from '../schema/schema';
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
function parseField<S extends Any>(schema: S, value: unknown, path: string, errors: string[], warnings: string[]): Field<Output<S>> {
  const issues: Issue[] = [];
  const parsed = schema.run(value, [], issues) as Output<S>;
  let ok = true;
  for (const issue of issues) {
    const where = joinPath(path, issue.path);
    if (issue.keys) for (const key of issue.keys) warnings.push(unknownKey(key, where, issue.known!));
    else {
      ok = false;
      errors.push(`${where} ${issue.message} (got ${show(valueAt(value, issue.path))})`);
    }
  }
  return ok ? { ok, value: parsed } : { ok };
}

function unknownKey(key: string, parentPath: string, known: string[]): string {
  const near = suggest(key, known);
  const where = parentPath ? `${parentPath}.${key}` : key;
  return `unknown option ${where} is ignored` + (near ? ` (did you mean \`${near}\`?)` : '');
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
