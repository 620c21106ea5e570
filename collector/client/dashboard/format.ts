import { keyName, noContextLabels, valueName, type ContextLabels } from '../../src/context-labels/context-labels';
import type { Lang } from './messages';

const locale = (lang: Lang) => (lang === 'th' ? 'th-TH' : 'en-GB');

/**
 * Formatters for one page: instants in the shop's time zone with the year (Thai pages count years
 * in the Buddhist era, as Thai readers expect), calendar days, numbers, and context keys and values
 * by the names the owner gave them in settings.
 */
export function createFormat(lang: Lang, timeZone: string, labels: ContextLabels = noContextLabels) {
  const instant = new Intl.DateTimeFormat(locale(lang), { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  // A calendar day (YYYY-MM-DD) is already the shop's day: format it as that day, without a zone shift.
  const day = new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
  const month = new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', year: 'numeric', month: 'short' });
  const number = (digits: number) => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const whole = number(0);
  const one = number(1);
  return {
    instant: (iso: string) => instant.format(new Date(iso)),
    day: (date: string) => day.format(new Date(`${date}T00:00:00Z`)),
    month: (date: string) => month.format(new Date(`${date}T00:00:00Z`)),
    whole: (value: number) => whole.format(Math.round(value)),
    one: (value: number) => one.format(value),
    /** A signed change: "+6", "−12". */
    signed: (value: number, digits = 0) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${number(digits).format(Math.abs(value))}`,
    /** A context key by its name in this language ("สาขา"), else as it came ("branch"). */
    key: (key: string) => keyName(labels, lang, key),
    /** A context value by its name in this language ("เว็บไซต์"), else as it came ("web"). */
    value: (key: string, value: string) => valueName(labels, lang, key, value),
  };
}

export type Format = ReturnType<typeof createFormat>;
