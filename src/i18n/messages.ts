import { matchLocale } from './resolve-locale';

/**
 * The prompt's wording. Each language's table is one `|`-separated string (compact) in the order of
 * `keys` below, in a file of its own in `languages/` — English and Thai too — fetched beside the
 * prompt's code only when a prompt is shown in it (`language-imports.ts`, or the script tag's language
 * chunks): a page loads the one language it shows.
 */
// The question and the two anchors of each survey type (`nps`, `npsLow`, `npsHigh`, …), then the rest.
const keys = [
  'nps', 'csat', 'ces', 'npsLow', 'npsHigh', 'csatLow', 'csatHigh', 'cesLow', 'cesHigh',
  'followUp', 'send', 'skip', 'close', 'thanks', 'other', 'contact', 'waiting', 'minimise', 'feedback',
  'done', 'phone', 'email', 'line', 'phoneError', 'emailError', 'lineError', 'contactNeeded',
] as const;

export type MessageKey = (typeof keys)[number];
export type Messages = Record<MessageKey, string>;


/** Languages written right to left (of those shipped, and common ones an override may use). */
export const isRtl = (locale: string) => /^(ar|he|fa|ur)\b/i.test(locale);

/**
 * The messages for a tag (`th`, `pt-BR` → `pt`) from `tables` (language tag → table, as
 * `languages/*.ts` export them; whoever shows a prompt loads its language's first), English's for a
 * tag without one. Throws when neither is there: the prompt is then not shown.
 */
export function messagesFor(locale: string, tables: Record<string, string>): Messages {
  // matchLocale answers one of the tables' own tags, or nothing: then English's.
  const table = tables[matchLocale(locale, Object.keys(tables)) ?? 'en'];
  if (table === undefined) throw new Error(`no texts loaded for ${locale}`);
  const parts = table.split('|');
  return Object.fromEntries(keys.map((key, i) => [key, parts[i]])) as Messages;
}
