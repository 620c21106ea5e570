import type { Lang } from './messages';

const locale = (lang: Lang) => (lang === 'th' ? 'th-TH' : 'en-GB');

/**
 * Formatters for one page: instants in the shop's time zone with the year (Thai pages count years
 * in the Buddhist era, as Thai readers expect), calendar days, and numbers.
 */
export function createFormat(lang: Lang, timeZone: string) {
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
  };
}

export type Format = ReturnType<typeof createFormat>;
