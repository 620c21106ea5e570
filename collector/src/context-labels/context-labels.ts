/**
 * The owner's names for context keys and values (`branch` → สาขา / Branch, `web` → เว็บไซต์ /
 * Website), and how a page shows a key or a value with them. No dependencies: the dashboard's,
 * comments' and inbox's browser code uses it too.
 */
export type LabelLang = 'en' | 'th';

/** One name: for a key (`value` is '') or for one value of a key. An empty language falls back to the other. */
export interface ContextLabel {
  key: string;
  value: string;
  en: string;
  th: string;
}

/** Names by key (`keys`) and by key and value (`values`), as pages receive them. */
export interface ContextLabels {
  keys: Record<string, { en: string; th: string }>;
  values: Record<string, Record<string, { en: string; th: string }>>;
}

export const noContextLabels: ContextLabels = { keys: {}, values: {} };

/**
 * The names as lookup tables. Keys and values are the owner's (any text): the tables have no
 * prototype, so `__proto__` or `constructor` is a name like any other — written into a plain `{}`,
 * `__proto__` would reach `Object.prototype` and `constructor` `Object` itself, for the whole server.
 */
export function toContextLabels(list: readonly ContextLabel[]): ContextLabels {
  const table = <T>(): Record<string, T> => Object.create(null);
  const labels: ContextLabels = { keys: table(), values: table() };
  for (const { key, value, en, th } of list) {
    if (value === '') labels.keys[key] = { en, th };
    else (labels.values[key] ??= table())[value] = { en, th };
  }
  return labels;
}

const pick = (name: { en: string; th: string } | undefined, lang: LabelLang) => (name ? name[lang] || name[lang === 'th' ? 'en' : 'th'] : '');

/** An own entry only: keys and values are the sites' (`constructor`, `__proto__` are names like any other). */
const own = <T>(record: Record<string, T> | undefined, name: string): T | undefined => (record && Object.hasOwn(record, name) ? record[name] : undefined);

/** A key as the owner named it in `lang`, else the key itself. */
export const keyName = (labels: ContextLabels, lang: LabelLang, key: string) => pick(own(labels.keys, key), lang) || key;

/** A value as the owner named it in `lang`, else the value itself. */
export const valueName = (labels: ContextLabels, lang: LabelLang, key: string, value: string) => pick(own(own(labels.values, key), value), lang) || value;
