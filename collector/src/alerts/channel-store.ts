import { secretFields, type ChannelKind } from './channels/channel-kinds';
import { randomUUID } from 'node:crypto';
import { isBound, plainBox, SecretUnreadable, type SecretBox } from './secret-box';
import type { Queryable } from '../db/database';
import type { AlertLocale } from './labels';
import type { QuietHours } from './quiet-hours';

export interface Channel {
  id: string;
  name: string;
  kind: ChannelKind;
  locale: AlertLocale;
  /** Settings and secrets as typed; parse with the kind's schema (`channels/channel-kinds.ts`) before use. */
  config: Record<string, unknown>;
  quiet: QuietHours | null;
  digestHour: number | null;
  createdAt: Date;
  /**
   * Secret fields that could not be decrypted (HEARBACK_SECRET_KEY missing or changed): empty in
   * `config`; the owner types them again.
   */
  unreadableSecrets: string[];
}

export type ChannelInput = Omit<Channel, 'id' | 'createdAt' | 'unreadableSecrets'>;

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

function channelFromRow(row: ChannelRow, box: SecretBox): Channel {
  const config = { ...(row.config ?? {}) };
  const unreadableSecrets: string[] = [];
  for (const field of secretFields(row.kind)) {
    if (typeof config[field] !== 'string') continue;
    try {
      config[field] = box.open(config[field] as string, { channelId: row.id, field });
    } catch (error) {
      if (!(error instanceof SecretUnreadable)) throw error;
      config[field] = '';
      unreadableSecrets.push(field);
    }
  }
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    locale: row.locale,
    config,
    unreadableSecrets,
    quiet: row.quiet_from && row.quiet_to ? { from: row.quiet_from, to: row.quiet_to } : null,
    digestHour: row.digest_hour === null || row.digest_hour === undefined ? null : Number(row.digest_hour),
    createdAt: new Date(row.created_at),
  };
}

/** `config` as stored: its secret fields sealed, each bound to this channel and field. */
function storedConfig(kind: ChannelKind, config: Record<string, unknown>, box: SecretBox, channelId: string): string {
  const stored = { ...config };
  for (const field of secretFields(kind)) if (typeof stored[field] === 'string') stored[field] = box.seal(stored[field] as string, { channelId, field });
  return JSON.stringify(stored);
}

export async function listChannels(db: Queryable, box: SecretBox = plainBox): Promise<Channel[]> {
  const { rows } = await db.query<ChannelRow>(`SELECT ${columns} FROM alert_channels ORDER BY created_at, id`);
  return rows.map((row) => channelFromRow(row, box));
}

export async function loadChannel(db: Queryable, id: string, box: SecretBox = plainBox): Promise<Channel | null> {
  const { rows } = await db.query<ChannelRow>(`SELECT ${columns} FROM alert_channels WHERE id = $1`, [id]);
  return rows[0] ? channelFromRow(rows[0], box) : null;
}

export async function createChannel(db: Queryable, input: ChannelInput, box: SecretBox = plainBox): Promise<string> {
  // The id is made here: the secrets are sealed for it before the row exists.
  const id = randomUUID();
  const { rows } = await db.query<IdRow>(
    `INSERT INTO alert_channels (id, name, kind, locale, config, quiet_from, quiet_to, digest_hour)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [id, input.name, input.kind, input.locale, storedConfig(input.kind, input.config, box, id), input.quiet?.from ?? null, input.quiet?.to ?? null, input.digestHour],
  );
  return rows[0].id;
}

export async function updateChannel(db: Queryable, id: string, input: ChannelInput, box: SecretBox = plainBox): Promise<boolean> {
  const { rows } = await db.query<IdRow>(
    `UPDATE alert_channels SET name = $2, locale = $3, config = $4, quiet_from = $5, quiet_to = $6, digest_hour = $7, updated_at = now()
      WHERE id = $1 RETURNING id`,
    [id, input.name, input.locale, storedConfig(input.kind, input.config, box, id), input.quiet?.from ?? null, input.quiet?.to ?? null, input.digestHour],
  );
  return rows.length > 0;
}

export async function deleteChannel(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM alert_channels WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

/**
 * Seals every secret still stored as typed (channels saved before HEARBACK_SECRET_KEY was set) or
 * sealed without its place (`hb1:`, before secrets were bound to their channel and field); run on
 * start. A value this key cannot open is left as it is. Returns how many channels changed.
 */
export async function sealStoredSecrets(db: Queryable, box: SecretBox): Promise<number> {
  if (!box.sealing) return 0;
  const { rows } = await db.query<{ id: string; kind: ChannelKind; config: Record<string, unknown> }>('SELECT id, kind, config FROM alert_channels');
  let sealed = 0;
  for (const row of rows) {
    const config = { ...row.config };
    let changed = false;
    for (const field of secretFields(row.kind)) {
      const value = config[field];
      if (typeof value !== 'string' || value === '' || isBound(value)) continue;
      try {
        config[field] = box.open(value, { channelId: row.id, field });
        changed = true;
      } catch (error) {
        if (!(error instanceof SecretUnreadable)) throw error;
      }
    }
    if (!changed) continue;
    await db.query('UPDATE alert_channels SET config = $2 WHERE id = $1', [row.id, storedConfig(row.kind, config, box, row.id)]);
    sealed++;
  }
  return sealed;
}

/** Channels that want a daily digest. */
export async function digestChannels(db: Queryable, box: SecretBox = plainBox): Promise<Channel[]> {
  const { rows } = await db.query<ChannelRow>(`SELECT ${columns} FROM alert_channels WHERE digest_hour IS NOT NULL ORDER BY id`);
  return rows.map((row) => channelFromRow(row, box));
}
