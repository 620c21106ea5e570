import type { AppSetting, Config } from '../config';
import type { Log } from '../http/log';
import { emptySettings, type SiteSettingsStore, type StoredSettings } from './site-settings-store';

/** The inbox's due time when the owner has not set one: a case should be answered within 48 hours. */
export const defaultInboxDueHours = 48;

/** What is in effect now: the environment where it is set (locked), else the app's value, else the default. */
export interface SiteSettings {
  allowedOrigins: string[];
  timezone: string;
  publicUrl?: string;
  retentionDays?: number;
  shopName: string;
  colour: string;
  hasLogo: boolean;
  inboxDueHours: number;
}

export interface LiveSettings {
  /** The settings in effect, as last read (never waits on the database). */
  current(): SiteSettings;
  /** The row as stored (for the settings page's form). */
  stored(): StoredSettings;
  /** Which settings the environment locks, with the variable's name. */
  locked: Config['locked'];
  /**
   * Reads the row again when the copy in memory is older than `freshMs` (or at once with
   * `force`). Concurrent calls share one read; a failed read keeps the last copy and is logged.
   */
  refresh(options?: { force?: boolean }): Promise<void>;
  /** The inbox's due time in hours (Settings → Site; 48 by default). */
  inboxDueHours(): number;
}

/**
 * Settings set in the app take effect on every instance without a restart: each instance keeps
 * the one `site_settings` row in memory and reads it again when its copy is older than `freshMs`
 * (one small query a second at most, on the next request), so a change made on one instance is
 * in effect on the others within about a second, and at once on the instance that made it.
 */
export function createLiveSettings({ store, config, log, freshMs = 1000, clock = () => performance.now() }: {
  store: SiteSettingsStore;
  config: Config;
  log: Pick<Log, 'error'>;
  freshMs?: number;
  clock?: () => number;
}): LiveSettings {
  let stored: StoredSettings = { ...emptySettings };
  let effective = resolve(stored, config);
  let readAt = -Infinity;
  let reading: Promise<void> | undefined;
  const read = async () => {
    try {
      stored = await store.read();
      effective = resolve(stored, config);
    } catch (error) {
      log.error('reading the site settings failed; the last copy stays in effect', { error: String((error as Error)?.message ?? error) });
    }
    readAt = clock();
  };
  return {
    current: () => effective,
    stored: () => stored,
    locked: config.locked,
    inboxDueHours: () => effective.inboxDueHours,
    async refresh({ force = false } = {}) {
      if (!force && clock() - readAt < freshMs) return;
      if (reading && !force) return reading;
      // A forced read starts after one in flight, so it sees a change just committed.
      const next = (reading ?? Promise.resolve()).then(read);
      reading = next;
      await next;
      if (reading === next) reading = undefined;
    },
  };
}

function resolve(stored: StoredSettings, config: Config): SiteSettings {
  const pick = <K extends AppSetting>(key: K, value: Config[K] | null): Config[K] => (config.locked[key] || value === null ? config[key] : value);
  return {
    allowedOrigins: pick('allowedOrigins', stored.allowedOrigins),
    timezone: pick('timezone', stored.timezone),
    publicUrl: pick('publicUrl', stored.publicUrl ?? null) ?? undefined,
    retentionDays: pick('retentionDays', stored.retentionDays ?? null) ?? undefined,
    shopName: stored.shopName,
    colour: stored.colour,
    hasLogo: stored.logoType !== null,
    inboxDueHours: stored.inboxDueHours ?? defaultInboxDueHours,
  };
}

/**
 * `config` whose app settings (allowed sites, time zone, public address, retention) read what is
 * in effect now: features keep reading `config.timezone` at request time and follow a change.
 */
export function liveConfig(config: Config, live: LiveSettings): Config {
  const view = { ...config };
  Object.defineProperties(view, {
    allowedOrigins: { get: () => live.current().allowedOrigins, enumerable: true },
    timezone: { get: () => live.current().timezone, enumerable: true },
    publicUrl: { get: () => live.current().publicUrl, enumerable: true },
    retentionDays: { get: () => live.current().retentionDays, enumerable: true },
  });
  return view;
}
