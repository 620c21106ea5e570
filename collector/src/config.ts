import { parseArgs } from 'node:util';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { emailSchema, passwordSchema } from './auth/credentials';

/**
 * The collector's settings, from the environment and matching `--flags` (a flag wins). Each
 * setting is spelled once here: its variable, its flag, its default and what it allows.
 */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; without it PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's folder, or `memory`. */
  dataDir: string;
  /** Where owners and visitors reach this app, e.g. https://feedback.shop.example (no path). */
  publicUrl?: string;
  /** Site origins allowed to post answers. */
  allowedOrigins: string[];
  /** The shop's IANA time zone: days and weeks in the dashboard and exports. */
  timezone: string;
  /** Answers older than this many days are deleted; undefined keeps them. */
  retentionDays?: number;
  /** The owner account created on first start, when there is no user yet. */
  admin?: { email: string; password: string };
  /** Answers one client (IP address) may post per window; 0 turns the limit off. */
  rateLimit: { limit: number; windowSeconds: number };
  /** Reverse proxies in front of the app: the client's address is read from X-Forwarded-For. */
  trustProxy: number;
  /** The LINE Messaging API's base URL (alerts and chat surveys; a local fake in tests). */
  lineApiUrl: string;
  /** The LINE Official Account's channel secret (webhook signatures); wins over the one saved in the app. */
  lineChannelSecret?: string;
  /** The LINE Official Account's channel access token; wins over the one saved in the app. */
  lineChannelToken?: string;
  /**
   * How long the alert worker's claim on a delivery lasts: after a collector dies mid-send, its
   * claimed alerts go out (from another collector, or this one restarted) once this has passed.
   */
  alertLeaseSeconds: number;
  /** Encrypts alert channels' secrets in the database; undefined stores them as typed. */
  secretKey?: string;
  /** Alerts may go to loopback and private networks (tests, a shop's own network); link-local and metadata addresses never. */
  allowPrivateDestinations: boolean;
  /** Alerts one channel is sent per rolling hour; the rest are held and counted in its digest. 0: no cap. */
  alertsPerHour: number;
  /**
   * Settings the owner may also set in the app (Settings → Site) that the environment or a flag
   * set here: the variable's (or flag's) name by setting. Such a value wins over the app's and
   * shows there as locked, naming the variable.
   */
  locked: Partial<Record<AppSetting, string>>;
}

/** Settings the owner may change in the app; set by the environment, they are locked there. */
export const appSettings = ['allowedOrigins', 'timezone', 'publicUrl', 'retentionDays'] as const;
export type AppSetting = (typeof appSettings)[number];

export class ConfigError extends Error {
  name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`hearback-collector: bad configuration\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const originOnly = (what: string) =>
  z.string().trim().refine((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, `must be ${what} like https://shop.example or http://127.0.0.1:8080 (scheme, host and optional port, no path)`);

const integer = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, `must be a whole number from ${min} to ${max}`).transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
};

/** Every setting: environment variable, flag, schema (over the raw string), default. */
const settings = {
  port: { env: 'PORT', about: 'port to listen on (0: any free port)', flag: 'port', schema: integer(0, 65535), fallback: '8787' },
  host: { env: 'HOST', about: 'address to listen on (0.0.0.0: every interface)', flag: 'host', schema: z.string().trim().min(1, 'must be a host name or address such as 127.0.0.1 or 0.0.0.0'), fallback: '127.0.0.1' },
  databaseUrl: {
    env: 'DATABASE_URL', about: 'PostgreSQL server; without it, PGlite on this machine', flag: 'database-url',
    schema: z.string().trim().refine((v) => /^postgres(ql)?:\/\/[^/]/.test(v), 'must be a PostgreSQL URL like postgres://user:password@host:5432/hearback'),
  },
  dataDir: { env: 'HEARBACK_DATA_DIR', about: 'PGlite folder, or memory', flag: 'data-dir', schema: z.string().trim().min(1, 'must be a folder path, or "memory"'), fallback: '.data/pglite' },
  publicUrl: { env: 'HEARBACK_PUBLIC_URL', about: 'the https address people reach this app at (Secure cookies, HSTS)', flag: 'public-url', schema: originOnly('the address people use to reach this app,').transform((v) => v.replace(/\/$/, '')) },
  allowedOrigins: {
    env: 'HEARBACK_ALLOWED_ORIGINS', about: 'site origins allowed to post answers, comma-separated', flag: 'allowed-origins',
    schema: z.string().transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
      .pipe(z.array(originOnly('a comma-separated list of site origins, each').transform((v) => v.replace(/\/$/, '')))),
    fallback: '',
  },
  timezone: {
    env: 'HEARBACK_TIMEZONE', about: 'the shop\'s IANA time zone for days and weeks', flag: 'timezone',
    schema: z.string().trim().refine(isTimeZone, 'is not an IANA time zone; use a name like Asia/Bangkok, Europe/Berlin or UTC'),
    fallback: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  },
  retentionDays: { env: 'HEARBACK_RETENTION_DAYS', about: 'delete answers older than this many days', flag: 'retention-days', schema: integer(1, 36_500) },
  adminEmail: { env: 'HEARBACK_ADMIN_EMAIL', about: 'the first owner\'s email, used while no account exists', flag: 'admin-email', schema: emailSchema },
  adminPassword: { env: 'HEARBACK_ADMIN_PASSWORD', about: 'the first owner\'s password (10 characters or more)', flag: 'admin-password', schema: passwordSchema },
  rateLimit: { env: 'HEARBACK_RATE_LIMIT', about: 'answers one client may post per window (0: no limit)', flag: 'rate-limit', schema: integer(0, 1_000_000), fallback: '60' },
  rateWindow: { env: 'HEARBACK_RATE_WINDOW', about: 'the rate limit\'s window, in seconds', flag: 'rate-window', schema: integer(1, 86_400), fallback: '60' },
  trustProxy: { env: 'HEARBACK_TRUST_PROXY', about: 'reverse proxies in front: client address from X-Forwarded-For', flag: 'trust-proxy', schema: integer(0, 10), fallback: '0' },
  lineApiUrl: {
    env: 'HEARBACK_LINE_API_URL', about: 'the LINE Messaging API base (alerts and chat surveys; a local fake in tests)', flag: 'line-api-url',
    schema: z.string().trim().refine((v) => /^https?:\/\/[^/]+\/?$/.test(v), 'must be a base URL like https://api.line.me (scheme and host, no path)').transform((v) => v.replace(/\/$/, '')),
    fallback: 'https://api.line.me',
  },
  lineChannelSecret: {
    env: 'HEARBACK_LINE_CHANNEL_SECRET', about: 'the LINE Official Account\'s channel secret (checks webhook signatures; set here, the app shows it locked)', flag: 'line-channel-secret',
    schema: z.string().trim().regex(/^[0-9a-f]{32}$/, 'must be the 32-character channel secret from the LINE Developers console (Basic settings tab)'),
  },
  lineChannelToken: {
    env: 'HEARBACK_LINE_CHANNEL_TOKEN', about: 'the LINE Official Account\'s channel access token (replies and pushes chat surveys)', flag: 'line-channel-token',
    schema: z.string().trim().min(20, 'must be the long-lived channel access token from the LINE Developers console (Messaging API tab)'),
  },
  alertLeaseSeconds: {
    env: 'HEARBACK_ALERT_LEASE', about: 'seconds a claim on an alert lasts: one held by a collector that died is sent by another after it', flag: 'alert-lease',
    schema: integer(10, 3_600), fallback: '120',
  },
  secretKey: {
    env: 'HEARBACK_SECRET_KEY', about: 'encrypts alert tokens, webhook addresses and passwords in the database (32+ characters; keep it safe)', flag: 'secret-key',
    schema: z.string().refine((v) => v.length >= 32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)'),
  },
  allowPrivateDestinations: {
    env: 'HEARBACK_ALLOW_PRIVATE_DESTINATIONS', about: '1: alerts may go to loopback and private networks (never link-local or cloud metadata)', flag: 'allow-private-destinations',
    schema: z.enum(['0', '1'], { message: 'must be 1 (allow) or 0 (refuse)' }).transform((v) => v === '1'),
    fallback: '0',
  },
  alertsPerHour: {
    env: 'HEARBACK_ALERTS_PER_HOUR', about: 'alerts one channel is sent per hour; the rest wait for its daily digest (0: no cap)', flag: 'alerts-per-hour',
    schema: integer(0, 10_000), fallback: '30',
  },
} satisfies Record<string, { env: string; about: string; flag: string; schema: z.ZodType; fallback?: string | (() => string) }>;

type Settings = typeof settings;
type Parsed = { [K in keyof Settings]?: z.output<Settings[K]['schema']> };

/** `--help` text: one line per setting. */
export function describeSettings(): string {
  return Object.values(settings)
    .map((s) => {
      const fallback = 'fallback' in s ? (typeof s.fallback === 'function' ? 'this machine\'s zone' : s.fallback || '(none)') : '(none)';
      return `  --${s.flag.padEnd(16)} ${s.env.padEnd(25)} ${s.about}; default ${fallback}`;
    })
    .join('\n');
}

/**
 * Reads and checks every setting. Throws a `ConfigError` listing one line per bad value (its name,
 * what was wrong, what is allowed), so the process can print them all and exit non-zero.
 * `args` are command-line arguments (flags only; `--name value` or `--name=value`).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, args: string[] = []): Config {
  const problems: string[] = [];
  const flags = readFlags(args, problems);
  const parsed: Parsed = {};
  const locked: Config['locked'] = {};
  for (const [key, setting] of Object.entries(settings) as [keyof Settings, Settings[keyof Settings]][]) {
    const fromFlag = flags[setting.flag];
    const raw = fromFlag ?? (env[setting.env] === '' ? undefined : env[setting.env]) ?? ('fallback' in setting ? (typeof setting.fallback === 'function' ? setting.fallback() : setting.fallback) : undefined);
    if (raw === undefined) continue;
    const result = (setting.schema as z.ZodType).safeParse(raw);
    const name = fromFlag !== undefined ? `--${setting.flag}` : setting.env;
    if (result.success && (appSettings as readonly string[]).includes(key) && (fromFlag !== undefined || env[setting.env])) locked[key as AppSetting] = name;
    if (result.success) (parsed as Record<string, unknown>)[key] = result.data;
    else problems.push(`${name}: ${JSON.stringify(key === 'adminPassword' || key === 'secretKey' || key === 'lineChannelSecret' || key === 'lineChannelToken' ? '***' : raw)} ${result.error.issues[0]?.message ?? 'is not allowed'}`);
  }
  if ((parsed.adminEmail === undefined) !== (parsed.adminPassword === undefined) && !problems.some((p) => /ADMIN|admin-/.test(p))) {
    problems.push(`HEARBACK_ADMIN_EMAIL and HEARBACK_ADMIN_PASSWORD: set both (the first owner's sign-in) or neither (a one-time setup link is printed at start)`);
  }
  if (parsed.host !== undefined && parsed.publicUrl === undefined && !isLoopback(parsed.host) && !problems.some((p) => /^(HOST|--host)/.test(p))) {
    problems.push(`HOST: ${JSON.stringify(parsed.host)} takes connections from other machines, so set HEARBACK_PUBLIC_URL (e.g. https://feedback.shop.example): links and posters must not take their address from a request's Host header`);
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    port: parsed.port!,
    host: parsed.host!,
    databaseUrl: parsed.databaseUrl,
    dataDir: parsed.dataDir!,
    publicUrl: parsed.publicUrl,
    allowedOrigins: parsed.allowedOrigins!,
    timezone: parsed.timezone!,
    retentionDays: parsed.retentionDays,
    admin: parsed.adminEmail && parsed.adminPassword ? { email: parsed.adminEmail, password: parsed.adminPassword } : undefined,
    rateLimit: { limit: parsed.rateLimit!, windowSeconds: parsed.rateWindow! },
    trustProxy: parsed.trustProxy!,
    lineApiUrl: parsed.lineApiUrl!,
    lineChannelSecret: parsed.lineChannelSecret,
    lineChannelToken: parsed.lineChannelToken,
    alertLeaseSeconds: parsed.alertLeaseSeconds!,
    secretKey: parsed.secretKey,
    allowPrivateDestinations: parsed.allowPrivateDestinations!,
    alertsPerHour: parsed.alertsPerHour!,
    locked,
  };
}

/**
 * Checks one app setting's value as its variable would be checked (`allowedOrigins` as the
 * comma-separated list): the settings page validates with the same rules as the environment.
 */
export function checkAppSetting<K extends AppSetting>(key: K, raw: string): { ok: true; value: Config[K] } | { ok: false; problem: string } {
  const result = (settings[key].schema as z.ZodType).safeParse(raw);
  return result.success ? { ok: true, value: result.data as Config[K] } : { ok: false, problem: result.error.issues[0]?.message ?? 'is not allowed' };
}

function readFlags(args: string[], problems: string[]): Record<string, string | undefined> {
  const options = Object.fromEntries(Object.values(settings).map((s) => [s.flag, { type: 'string' as const }]));
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    problems.push(`${(error as Error).message.split('\n')[0]}; known flags: ${Object.values(settings).map((s) => `--${s.flag}`).join(', ')}`);
    return {};
  }
}

/** Whether `host` only takes connections from this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare.toLowerCase() === 'localhost') return true;
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

/** A complete configuration for tests and embedding, with the defaults filled in. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ HEARBACK_DATA_DIR: 'memory', HEARBACK_TIMEZONE: 'UTC' }), locked: {}, ...overrides };
}
