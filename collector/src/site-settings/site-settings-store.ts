import type { Queryable } from '../db/database';
import { defaultShopLook, type ShopLook } from './shop-look';

/** The settings row as the settings page stores it; null: not set in the app (the environment's value applies). */
export interface StoredSettings {
  allowedOrigins: string[] | null;
  timezone: string | null;
  publicUrl: string | null;
  retentionDays: number | null;
  shopName: string;
  /** `#rrggbb`. */
  colour: string;
  /** The logo's type when one is uploaded (the bytes are read only by `logo()`). */
  logoType: LogoType | null;
  inboxDueHours: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export const logoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof logoTypes)[number];

/** What a save may change: only the fields given. */
export type SettingsChange = Partial<Omit<StoredSettings, 'logoType' | 'updatedAt' | 'updatedBy'>> & {
  /** A new logo, or null to remove it. */
  logo?: { type: LogoType; bytes: Buffer } | null;
};

export const emptySettings: StoredSettings = {
  allowedOrigins: null, timezone: null, publicUrl: null, retentionDays: null, shopName: '', colour: '#2563eb',
  logoType: null, inboxDueHours: null, updatedAt: null, updatedBy: null,
};

interface SettingsRow extends Record<string, unknown> {
  allowed_origins: string[] | string | null;
  time_zone: string | null;
  public_url: string | null;
  retention_days: number | null;
  shop_name: string;
  colour: string;
  logo_type: LogoType | null;
  inbox_due_hours: number | null;
  updated_at: Date | string | null;
  updated_by: string | null;
}

const columns: Record<keyof Omit<SettingsChange, 'logo'>, string> = {
  allowedOrigins: 'allowed_origins', timezone: 'time_zone', publicUrl: 'public_url', retentionDays: 'retention_days',
  shopName: 'shop_name', colour: 'colour', inboxDueHours: 'inbox_due_hours',
};

/** The one row of `site_settings` (migration 210), read and written. Values are checked before they get here. */
export function createSiteSettingsStore(db: Queryable) {
  return {
    async read(): Promise<StoredSettings> {
      const { rows } = await db.query<SettingsRow>(
        `SELECT allowed_origins, time_zone, public_url, retention_days, shop_name, colour, logo_type, inbox_due_hours, updated_at, updated_by
         FROM site_settings WHERE id = 1`);
      const row = rows[0];
      if (!row) return { ...emptySettings };
      const origins = typeof row.allowed_origins === 'string' ? (JSON.parse(row.allowed_origins) as string[]) : row.allowed_origins;
      return {
        allowedOrigins: origins, timezone: row.time_zone, publicUrl: row.public_url,
        retentionDays: row.retention_days === null ? null : Number(row.retention_days),
        shopName: row.shop_name, colour: row.colour, logoType: row.logo_type,
        inboxDueHours: row.inbox_due_hours === null ? null : Number(row.inbox_due_hours),
        updatedAt: row.updated_at === null ? null : new Date(row.updated_at).toISOString(), updatedBy: row.updated_by,
      };
    },
    /** Writes the fields given in `change` (others stay), with who changed them. */
    async save(change: SettingsChange, by: string | null): Promise<void> {
      const sets: string[] = [];
      const params: unknown[] = [];
      const set = (column: string, value: unknown, cast = '') => {
        params.push(value);
        sets.push(`${column} = $${params.length}${cast}`);
      };
      for (const [key, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
        if (!(key in change)) continue;
        const value = change[key];
        if (key === 'allowedOrigins') set(column, value === null ? null : JSON.stringify(value), '::jsonb');
        else set(column, value);
      }
      if (change.logo !== undefined) {
        set('logo_type', change.logo?.type ?? null);
        set('logo', change.logo ? change.logo.bytes.toString('base64') : null);
      }
      set('updated_by', by);
      await db.query('INSERT INTO site_settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING');
      await db.query(`UPDATE site_settings SET ${sets.join(', ')}, updated_at = now() WHERE id = 1`, params);
    },
    /** The shop's name, colour and whether it has a logo (the survey page and printables show them). */
    async look(): Promise<ShopLook> {
      const { rows } = await db.query<{ shop_name: string; colour: string; has_logo: boolean }>(
        'SELECT shop_name, colour, logo IS NOT NULL AS has_logo FROM site_settings WHERE id = 1');
      return rows[0] ? { shopName: rows[0].shop_name, colour: rows[0].colour, hasLogo: rows[0].has_logo } : { ...defaultShopLook };
    },
    /** The uploaded logo, if any. */
    async logo(): Promise<{ type: LogoType; bytes: Buffer } | undefined> {
      const { rows } = await db.query<{ logo_type: LogoType | null; logo: string | null }>('SELECT logo_type, logo FROM site_settings WHERE id = 1');
      const row = rows[0];
      return row?.logo_type && row.logo ? { type: row.logo_type, bytes: Buffer.from(row.logo, 'base64') } : undefined;
    },
  };
}

export type SiteSettingsStore = ReturnType<typeof createSiteSettingsStore>;
