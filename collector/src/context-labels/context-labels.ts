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

export function toContextLabels(list: readonly ContextLabel[]): ContextLabels {
  const labels: ContextLabels = { keys: {}, values: {} };
  for (const { key, value, en, th } of list) {
    if (value === '') labels.keys[key] = { en, th };
    else (labels.values[key] ??= {})[value] = { en, th };
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
