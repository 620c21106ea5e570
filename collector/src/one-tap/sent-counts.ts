import type { Queryable } from '../db/database';
import type { TapVia } from './tap-link';

export interface SentCountFilters {
  /** The shop's IANA time zone: days are its days. */
  timeZone: string;
  /** First and last day (`YYYY-MM-DD`, inclusive), in `timeZone`. */
  from?: string;
  to?: string;
  survey?: string;
}

/** One survey, channel and day: links sent (or exported), and of those, answered and with a comment. */
export interface SentCount {
  survey: string;
  channel: TapVia;
  day: string;
  sent: number;
  answered: number;
  commented: number;
}

/**
 * The response rate of one-tap links per survey, channel (`email`, `sms`) and day sent:
 * recipients whose links went out (sent by this app's SMTP, or exported for the shop's own mailer
 * or SMS service), how many of them answered through that channel's link, and how many left a
 * comment. The seam for the dashboard's response-rate view (web answers have their own `shown`
 * counts); `GET /api/one-tap/sent` serves it as JSON.
 */
export async function sentCounts(db: Queryable, filters: SentCountFilters): Promise<SentCount[]> {
  const where: string[] = [`s.status IN ('sent', 'exported')`, 's.sent_at IS NOT NULL'];
  const values: unknown[] = [filters.timeZone];
  if (filters.from) {
    values.push(filters.from);
    where.push(`s.sent_at >= $${values.length}::date::timestamp AT TIME ZONE $1::text`);
  }
  if (filters.to) {
    values.push(filters.to);
    where.push(`s.sent_at < ($${values.length}::date + 1)::timestamp AT TIME ZONE $1::text`);
  }
  if (filters.survey) {
    values.push(filters.survey);
    where.push(`r.survey_id = $${values.length}`);
  }
  const { rows } = await db.query<{ survey: string; channel: TapVia; day: string; sent: string | number; answered: string | number; commented: string | number }>(
    `SELECT r.survey_id AS survey, s.channel, to_char(s.sent_at AT TIME ZONE $1::text, 'YYYY-MM-DD') AS day,
       count(*) AS sent,
       count(a.id) FILTER (WHERE a.context->>'channel' = s.channel) AS answered,
       count(a.id) FILTER (WHERE a.context->>'channel' = s.channel AND coalesce(a.comment, '') <> '') AS commented
     FROM one_tap_sends s JOIN one_tap_recipients r ON r.id = s.recipient_id
     LEFT JOIN responses a ON a.id = r.answer_id
     WHERE ${where.join(' AND ')}
     GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`,
    values,
  );
  return rows.map((row) => ({ survey: row.survey, channel: row.channel, day: row.day, sent: Number(row.sent), answered: Number(row.answered), commented: Number(row.commented) }));
}

/** Marks the recipients' links as sent by export (for each channel they have an address for), unless already sent or queued. */
export async function markExported(db: Queryable, surveyId: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO one_tap_sends (recipient_id, channel, status, queued_at, sent_at)
     SELECT r.id, c.channel, 'exported', $2::timestamptz, $2::timestamptz
     FROM one_tap_recipients r CROSS JOIN (VALUES ('email'), ('sms')) AS c (channel)
     WHERE r.survey_id = $1 AND ((c.channel = 'email' AND r.email IS NOT NULL) OR (c.channel = 'sms' AND r.phone IS NOT NULL))
     ON CONFLICT (recipient_id, channel) DO NOTHING`,
    [surveyId, now.toISOString()],
  );
}
