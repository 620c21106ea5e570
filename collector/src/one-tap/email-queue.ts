import type { Queryable } from '../db/database';
import { DeliveryError, reasonInEnglish } from '../alerts/channels/delivery-error';
import type { DestinationPolicy } from '../alerts/channels/destination';
import { email as emailKind } from '../alerts/channels/email';
import { sendMail, type Mail } from '../alerts/channels/smtp-mailer';
import { loadChannel } from '../alerts/channel-store';
import type { SecretBox } from '../alerts/secret-box';
import type { RunReport } from '../jobs/periodic-job';
import type { Recipient } from './recipient-store';

/** The most emails one send may go out per minute (a shop's SMTP account limits it anyway). */
export const maxPerMinute = 600;

export interface EmailSendOptions {
  /** The email alert channel whose SMTP server and From address send the emails. */
  alertChannel: string;
  senderName: string;
  perMinute: number;
}

/**
 * Queues the survey's email to every recipient with an address who has not had it: new ones, and
 * those whose email failed or was only exported before. A recipient is never queued twice while
 * queued or after it was sent. Returns how many were queued.
 */
export async function queueEmails(db: Queryable, surveyId: string, options: EmailSendOptions, now: Date): Promise<number> {
  const { rows } = await db.query(
    `INSERT INTO one_tap_sends (recipient_id, channel, status, alert_channel, sender_name, per_minute, queued_at)
     SELECT id, 'email', 'queued', $2, $3, $4, $5::timestamptz FROM one_tap_recipients
     WHERE survey_id = $1 AND email IS NOT NULL AND answer_id IS NULL
     ON CONFLICT (recipient_id, channel) DO UPDATE SET status = 'queued', alert_channel = EXCLUDED.alert_channel,
       sender_name = EXCLUDED.sender_name, per_minute = EXCLUDED.per_minute, queued_at = EXCLUDED.queued_at, problem = NULL
     WHERE one_tap_sends.status IN ('failed', 'exported')
     RETURNING recipient_id`,
    [surveyId, options.alertChannel, options.senderName, options.perMinute, now.toISOString()],
  );
  return rows.length;
}

/** What a worker needs to turn a queued recipient into an email. */
export interface EmailQueueDeps {
  db: Queryable;
  box: SecretBox;
  destinations: DestinationPolicy;
  now: () => Date;
  /** The email for one recipient: subject, HTML, text, and the unsubscribe link for the headers. */
  compose(recipient: Recipient): Promise<{ subject: string; html: string; text: string; unsubscribe: string }>;
  get(id: string): Promise<Recipient | undefined>;
}

interface QueuedRow {
  recipient_id: string;
  email: string;
  alert_channel: string;
  sender_name: string;
  per_minute: number;
}

/**
 * One run of the email worker: sends queued emails, oldest first, no faster than the rate the
 * owner chose (`per_minute`, counted over the last 60 seconds of sends from every instance).
 * Each email is claimed (`sent`) before it goes, so two instances never send it twice; one that
 * fails is marked `failed` with the reason (sending again re-queues it). An address that
 * unsubscribed is `skipped`, whenever it unsubscribed.
 */
export async function sendQueuedEmails(deps: EmailQueueDeps): Promise<RunReport> {
  const { db, now } = deps;
  const { rows } = await db.query<QueuedRow & Record<string, unknown>>(
    `SELECT s.recipient_id, r.email, s.alert_channel, s.sender_name, s.per_minute FROM one_tap_sends s
     JOIN one_tap_recipients r ON r.id = s.recipient_id
     WHERE s.channel = 'email' AND s.status = 'queued' ORDER BY s.queued_at, r.row_number LIMIT 100`);
  if (!rows.length) return { more: false };
  const counts = { sent: 0, failed: 0, skipped: 0 };
  for (const row of rows) {
    const minuteAgo = new Date(now().getTime() - 60_000).toISOString();
    const recent = await db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM one_tap_sends WHERE channel = 'email' AND status IN ('sent', 'failed') AND sent_at > $1::timestamptz`, [minuteAgo]);
    if (Number(recent.rows[0].n) >= row.per_minute) return { more: false, fields: { ...counts, waiting: 'rate cap' } };
    const outcome = await sendOne(deps, row);
    counts[outcome]++;
  }
  return { more: rows.length === 100 && counts.sent > 0, fields: counts };
}

async function sendOne(deps: EmailQueueDeps, row: QueuedRow): Promise<'sent' | 'failed' | 'skipped'> {
  const { db, now } = deps;
  const unsubscribed = await db.query('SELECT 1 FROM email_unsubscribes WHERE email = $1', [row.email.toLowerCase()]);
  const status = unsubscribed.rows.length ? 'skipped' : 'sent';
  const claimed = await db.query(
    `UPDATE one_tap_sends SET status = $2, sent_at = $3::timestamptz WHERE recipient_id = $1 AND channel = 'email' AND status = 'queued' RETURNING recipient_id`,
    [row.recipient_id, status, now().toISOString()]);
  if (!claimed.rows.length || status === 'skipped') return 'skipped';
  const fail = async (problem: string) => {
    await db.query(`UPDATE one_tap_sends SET status = 'failed', problem = $2 WHERE recipient_id = $1 AND channel = 'email'`, [row.recipient_id, problem]);
    return 'failed' as const;
  };
  const channel = await loadChannel(db, row.alert_channel, deps.box);
  const config = channel?.kind === 'email' && !channel.unreadableSecrets.length ? emailKind.schema.safeParse(channel.config) : undefined;
  if (!config?.success) return fail('the email channel is gone, incomplete or its password cannot be read');
  const recipient = await deps.get(row.recipient_id);
  if (!recipient?.email) return fail('the recipient is gone');
  const email = await deps.compose(recipient);
  const mail: Mail = {
    from: row.sender_name ? { name: row.sender_name, address: config.data.from } : config.data.from,
    to: recipient.email,
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: `<one-tap-${recipient.id}@hearback>`,
    // RFC 8058: mail apps show an unsubscribe button that POSTs to the link.
    headers: { 'List-Unsubscribe': `<${email.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
  try {
    await sendMail(config.data, mail, deps.destinations);
    return 'sent';
  } catch (error) {
    return fail(error instanceof DeliveryError ? reasonInEnglish(error.reason) : 'the email could not be sent');
  }
}
