import { matchLocale } from './resolve-locale';

/**
 * Built-in prompt wording per language. Each table is one `|`-separated string (compact) in the
 * order of `keys` below. English ships with the prompt (it is also the fallback); every other language,
 * Thai too, is a file of its own in `languages/`, fetched beside the prompt's code only when a prompt
 * is shown in it (`language-imports.ts`, or the script tag's language chunks) and passed in as `extra`.
 */
// The question and the two anchors of each survey type (`nps`, `npsLow`, `npsHigh`, …), then the rest.
const keys = [
  'nps', 'csat', 'ces', 'npsLow', 'npsHigh', 'csatLow', 'csatHigh', 'cesLow', 'cesHigh',
  'followUp', 'send', 'skip', 'close', 'thanks', 'other', 'contact', 'waiting', 'minimise', 'feedback',
  'done', 'phone', 'email', 'line', 'phoneError', 'emailError', 'lineError', 'contactNeeded',
] as const;

export type MessageKey = (typeof keys)[number];
export type Messages = Record<MessageKey, string>;

const tables: Record<string, string> = {
  en: 'How likely are you to recommend us to a friend or colleague?|How would you rate your overall satisfaction with what you received?|How easy was it to deal with us today?|Not at all likely|Extremely likely|Very dissatisfied|Very satisfied|Very difficult|Very easy|What is the main reason for your score?|Send|Skip|Close|Thank you for your feedback!|Other|You may contact me about my answer|Answers waiting for the network: {n}|Minimise|Feedback|Done|Phone|Email|LINE ID|Enter a phone number: 6–15 digits|Enter an email address like name@example.com|Enter a LINE ID: 4–20 letters, digits, ".", "_" or "-"|Leave a way to reach you, or untick the box',
};

/** Languages written right to left (of those shipped, and common ones an override may use). */
export const isRtl = (locale: string) => /^(ar|he|fa|ur)\b/i.test(locale);

/**
 * The messages for a tag (`th`, `pt-BR` → `pt`) from the built-in tables and `extra` (language tag →
 * table, as `languages/*.ts` export them); English for anything else.
 */
export function messagesFor(locale: string, extra: Record<string, string> = {}): Messages {
  const all = { ...tables, ...extra };
  const table = all[matchLocale(locale, Object.keys(all)) ?? 'en'];
  const parts = table.split('|');
  return Object.fromEntries(keys.map((key, i) => [key, parts[i]])) as Messages;
}

/** The language built into the prompt (the others are in `languages/`; a unit test keeps `locales.ts` equal to both). */
export const builtInLocales = () => Object.keys(tables);
