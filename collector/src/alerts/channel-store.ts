import type { ChannelKind } from './channels/channel-config';
import type { Queryable } from '../db/database';
import type { AlertLocale } from './labels';
import type { QuietHours } from './quiet-hours';

export interface Channel {
  id: string;
  name: string;
  kind: ChannelKind;
  locale: AlertLocale;
  /** Settings and secrets as typed; parse with channelConfigSchemas[kind] before use. */
  config: Record<string, unknown>;
  quiet: QuietHours | null;
  digestHour: number | null;
  createdAt: Date;
}

export type ChannelInput = Omit<Channel, 'id' | 'createdAt'>;

const columns = 'id, name, kind, locale, config, quiet_from, quiet_to, digest_hour, created_at';

type ChannelRow = {
  id: string;
  name: string;
  kind: ChannelKind;
  locale: AlertLocale;
  config: Record<string, unknown> | null;
  quiet_from: string | null;
  quiet_to: string | null;
  digest_hour: number | null;
  created_at: string | Date;
};
type IdRow = { id: string };

function channelFromRow(row: ChannelRow): Channel {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    locale: row.locale,
    config: row.config ?? {},
    quiet: row.quiet_from && row.quiet_to ? { from: row.quiet_from, to: row.quiet_to } : null,
    digestHour: row.digest_hour === null || row.digest_hour === undefined ? null : Number(row.digest_hour),
    createdAt: new Date(row.created_at),
  };
}

export async function listChannels(db: Queryable): Promise<Channel[]> {
  const { rows } = await db.query<ChannelRow>(`SELECT ${columns} FROM alert_channels ORDER BY created_at, id`);
  return rows.map(channelFromRow);
}

export async function loadChannel(db: Queryable, id: string): Promise<Channel | null> {
  const { rows } = await db.query<ChannelRow>(`SELECT ${columns} FROM alert_channels WHERE id = $1`, [id]);
  return rows[0] ? channelFromRow(rows[0]) : null;
}

export async function createChannel(db: Queryable, input: ChannelInput): Promise<string> {
  const { rows } = await db.query<IdRow>(
    `INSERT INTO alert_channels (name, kind, locale, config, quiet_from, quiet_to, digest_hour)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [input.name, input.kind, input.locale, JSON.stringify(input.config), input.quiet?.from ?? null, input.quiet?.to ?? null, input.digestHour],
  );
  return rows[0].id;
}

export async function updateChannel(db: Queryable, id: string, input: Omit<ChannelInput, 'kind'>): Promise<boolean> {
  const { rows } = await db.query<IdRow>(
    `UPDATE alert_channels SET name = $2, locale = $3, config = $4, quiet_from = $5, quiet_to = $6, digest_hour = $7, updated_at = now()
      WHERE id = $1 RETURNING id`,
    [id, input.name, input.locale, JSON.stringify(input.config), input.quiet?.from ?? null, input.quiet?.to ?? null, input.digestHour],
  );
  return rows.length > 0;
}

export async function deleteChannel(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM alert_channels WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

/** Channels that want a daily digest. */
export async function digestChannels(db: Queryable): Promise<Channel[]> {
  const { rows } = await db.query<ChannelRow>(`SELECT ${columns} FROM alert_channels WHERE digest_hour IS NOT NULL ORDER BY id`);
  return rows.map(channelFromRow);
}
