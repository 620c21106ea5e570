import type { Text, TextByBand } from '../config/survey-schema';
import { matchLocale } from '../i18n/resolve-locale';
import type { Band } from '../surveys/band';

const bands = ['detractor', 'passive', 'promoter'];

/**
 * Picks the owner's text for a locale: the exact tag, then its language (`pt-BR` → `pt`), then
 * English, then the first one given. Band maps (`{ detractor, passive, promoter }`) pick `band`;
 * a missing band falls back to the built-in wording (undefined here).
 */
export function pickText(value: Text | TextByBand | false | undefined, locale: string, band?: Band): string | undefined {
  if (!value) return undefined;
  if (typeof value === 'string') return value;
  const map = value as Record<string, Text | undefined>;
  if (Object.keys(map).some((key) => bands.includes(key))) return band && pickText(map[band], locale);
  const texts = map as Record<string, string>;
  return texts[matchLocale(locale, Object.keys(texts)) ?? 'en'] ?? Object.values(texts)[0];
}

/**
 * Fills `{name}` from `values` (strings and numbers only). An unknown or empty placeholder is left
 * out together with the comma or space before it: "Thanks, {user.name}!" → "Thanks!".
 */
export function fill(text: string, values: Record<string, unknown>): string {
  return text
    .replace(/(,? ?)\{([\w.-]+)\}/g, (_, before: string, key: string) => {
      const value = values[key];
      return (typeof value === 'string' && value) || typeof value === 'number' ? before + value : '';
    })
    .replace(/^[\s,]+/, '');
}
