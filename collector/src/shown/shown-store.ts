import type { Queryable } from '../db/database';
import { localDate } from '../dashboard/local-date';
import { deriveChannel } from '../links/channel';
import type { ShownEntry } from './shown-report';

/**
 * Context rows (key, value) one day may hold across all surveys: values past it (order ids) are
 * counted in the day's totals only, so a page sending a new value with every view cannot grow the
 * table without bound.
 */
export const maxContextRowsPerDay = 2000;
/** Context values longer than this are not broken down (they are ids, not segments). */
const maxValueLength = 200;

interface CountRow {
  survey: string;
  type: string;
  channel: string;
  key: string;
  value: string;
  count: number;
}

/**
 * Prompts shown, counted per day of the shop's zone, survey, type and channel, and per context
 * key and value (table `shown_counts`, a rollup: one row per segment and day, not per view).
 */
export function createShownStore({ db, timeZone, publicUrl, maxRowsPerDay = maxContextRowsPerDay }: {
  db: Queryable;
  timeZone: () => string;
  publicUrl: () => string | undefined;
  maxRowsPerDay?: number;
}) {
  return {
    async record(entries: ShownEntry[]): Promise<void> {
      const byDay = new Map<string, Map<string, CountRow>>();
      const zone = timeZone();
      for (const entry of entries) {
        const day = localDate(new Date(entry.at), zone);
        const rows = byDay.get(day) ?? new Map<string, CountRow>();
        byDay.set(day, rows);
        const channel = channelOf(entry, publicUrl());
        const add = (key: string, value: string) => {
          const id = JSON.stringify([entry.survey, entry.type, channel, key, value]);
          const row = rows.get(id) ?? { survey: entry.survey, type: entry.type, channel, key, value, count: 0 };
          row.count += 1;
          rows.set(id, row);
        };
        add('', '');
        for (const [key, value] of Object.entries(entry.context ?? {})) {
          if (key === 'channel' || key.length > 100) continue;
          if (typeof value === 'string' ? value.length <= maxValueLength : typeof value === 'number' || typeof value === 'boolean') add(key, String(value));
        }
      }
      for (const [day, rows] of byDay) {
        await db.query(
          `WITH incoming AS (
             SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(survey text, type text, channel text, key text, value text, count integer)
           ), room AS (
             SELECT count(*) AS used FROM shown_counts WHERE day = $2::date AND key <> ''
           )
           INSERT INTO shown_counts (day, survey, type, channel, key, value, count)
           SELECT $2::date, i.survey, i.type, i.channel, i.key, i.value, i.count FROM incoming i, room
           WHERE i.key = '' OR room.used < $3 OR EXISTS (
             SELECT 1 FROM shown_counts s WHERE s.day = $2::date AND s.survey = i.survey AND s.type = i.type
               AND s.channel = i.channel AND s.key = i.key AND s.value = i.value)
           ON CONFLICT (day, survey, type, channel, key, value) DO UPDATE SET count = shown_counts.count + EXCLUDED.count`,
          [JSON.stringify([...rows.values()]), day, maxRowsPerDay]);
      }
    },
    /** Deletes the counts of days before `day` (YYYY-MM-DD): retention. */
    async deleteBefore(day: string): Promise<number> {
      const { rows } = await db.query('DELETE FROM shown_counts WHERE day < $1::date RETURNING 1', [day]);
      return rows.length;
    },
  };
}

/** A prompt's channel, as its answer's would be: the page's `context.channel`, else kiosk, link or web. */
function channelOf(entry: ShownEntry, publicUrl: string | undefined): string {
  const given = entry.context?.channel;
  return typeof given === 'string' && given.length <= 40 ? given : deriveChannel(entry, publicUrl);
}

export type ShownStore = ReturnType<typeof createShownStore>;
