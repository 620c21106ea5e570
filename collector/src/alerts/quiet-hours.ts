import { DateTime } from 'luxon';

/** Quiet hours as local wall-clock times "HH:MM"; `from` after `to` spans midnight (22:00–07:00). */
export interface QuietHours {
  from: string;
  to: string;
}

export const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * When an alert due at `at` may go out: `at` itself outside quiet hours, else the instant the quiet
 * hours end, in the shop's time zone (so "07:00" is 07:00 in Bangkok whatever the server's zone).
 * Equal `from` and `to` means no quiet hours.
 */
export function afterQuietHours(at: Date, quiet: QuietHours | null, timeZone: string): Date {
  if (!quiet || quiet.from === quiet.to) return at;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const minute = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const spansMidnight = from > to;
  const quietNow = spansMidnight ? minute >= from || minute < to : minute >= from && minute < to;
  if (!quietNow) return at;
  const endDay = spansMidnight && minute >= from ? local.plus({ days: 1 }) : local;
  const end = endDay.set({ hour: Math.floor(to / 60), minute: to % 60, second: 0, millisecond: 0 });
  return end.toJSDate();
}
