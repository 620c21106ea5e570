import type { Queryable } from '../db/database';

export interface DeliveryStatus {
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'held';
  attempts: number;
  lastError: string | null;
  at: Date;
}

export interface GaveUp {
  id: string;
  channelName: string;
  answerId: string | null;
  digestDate: string | null;
  attempts: number;
  lastError: string;
  createdAt: Date;
}

/** The newest delivery of each channel, for the settings page. */
export async function latestByChannel(db: Queryable): Promise<Map<string, DeliveryStatus>> {
  const { rows } = await db.query<{ channel_id: string; status: DeliveryStatus['status']; attempts: number; last_error: string | null; at: string | Date }>(
    `SELECT DISTINCT ON (channel_id) channel_id, status, attempts, last_error, COALESCE(sent_at, created_at) AS at
       FROM alert_deliveries ORDER BY channel_id, created_at DESC, id`,
  );
  return new Map(rows.map((row) => [row.channel_id, { status: row.status, attempts: Number(row.attempts), lastError: row.last_error, at: new Date(row.at) }]));
}

/** Deliveries given up on, newest first, with the error that ended them. */
export async function gaveUp(db: Queryable, limit = 20): Promise<GaveUp[]> {
  const { rows } = await db.query<{
    id: string; name: string; answer_id: string | null; digest_date: string | null; attempts: number; last_error: string | null; created_at: string | Date;
  }>(
    `SELECT d.id, c.name, d.answer_id, d.digest_date::text AS digest_date, d.attempts, d.last_error, d.created_at
       FROM alert_deliveries d JOIN alert_channels c ON c.id = d.channel_id
      WHERE d.status = 'failed' ORDER BY d.created_at DESC, d.id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    channelName: row.name,
    answerId: row.answer_id,
    digestDate: row.digest_date,
    attempts: Number(row.attempts),
    lastError: row.last_error ?? '',
    createdAt: new Date(row.created_at),
  }));
}
