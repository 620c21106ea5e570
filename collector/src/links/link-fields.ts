import { checkContextValue } from './context-value';

/**
 * The link fields the owner filled in on the link builder (its GET form, or its script as they
 * type): for each of `keys` (the survey's allowed keys) what was typed (`fields`), those that make
 * the link (`valid`: trimmed, NFC-composed, checked like the survey page checks them), those
 * refused (`badFields`), and the valid ones as a query string (`?branch=…`, empty when none).
 * No dependencies: the builder's browser script uses it too.
 */
export function linkFields(params: URLSearchParams, keys: readonly string[]) {
  const fields: Record<string, string> = {};
  const valid: Record<string, string> = {};
  const badFields: string[] = [];
  for (const key of keys) {
    const value = (params.get(key) ?? '').normalize('NFC').trim();
    fields[key] = value;
    if (value === '') continue;
    if (checkContextValue(value)) badFields.push(key);
    else valid[key] = value;
  }
  const query = new URLSearchParams(valid).toString();
  return { fields, valid, badFields, query: query ? `?${query}` : '' };
}

/** `path` with the fields' `query` and then `extra` parameters (`download=1`, `lang=th`). */
export function withFields(path: string, query: string, extra = ''): string {
  return extra ? `${path}${query}${query ? '&' : '?'}${extra}` : `${path}${query}`;
}
