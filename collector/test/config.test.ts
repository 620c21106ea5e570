// Configuration: defaults, flags over the environment, one line per bad value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

const problemsOf = (env: Record<string, string>, args: string[] = []) => {
  try {
    loadConfig(env, args);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
};

describe('loadConfig', () => {
  it('fills in the defaults', () => {
    expect(loadConfig({ HEARBACK_TIMEZONE: 'Asia/Bangkok' })).toEqual({
      port: 8787, host: '127.0.0.1', databaseUrl: undefined, dataDir: '.data/pglite', publicUrl: undefined, allowedOrigins: [],
      timezone: 'Asia/Bangkok', retentionDays: undefined, admin: undefined, rateLimit: { limit: 60, windowSeconds: 60 }, trustProxy: 0, lineApiUrl: 'https://api.line.me', allowPrivateDestinations: false, alertsPerHour: 30,
      alertLeaseSeconds: 120, locked: { timezone: 'HEARBACK_TIMEZONE' },
    });
  });

  it('says which app settings the environment or a flag locks, by the name that set them', () => {
    const config = loadConfig({ HEARBACK_TIMEZONE: 'Asia/Bangkok', HEARBACK_ALLOWED_ORIGINS: 'https://shop.example', HEARBACK_RETENTION_DAYS: '' }, ['--public-url', 'https://feedback.shop.example']);
    expect(config.locked).toEqual({ timezone: 'HEARBACK_TIMEZONE', allowedOrigins: 'HEARBACK_ALLOWED_ORIGINS', publicUrl: '--public-url' });
  });

  it('reads every setting, and a flag wins over its variable', () => {
    const config = loadConfig({
      PORT: '9000', DATABASE_URL: 'postgres://hb:secret@db.internal:5432/hearback', HEARBACK_PUBLIC_URL: 'https://feedback.shop.example/',
      HEARBACK_ALLOWED_ORIGINS: 'https://shop.example, https://www.shop.example/', HEARBACK_TIMEZONE: 'Asia/Bangkok',
      HEARBACK_RETENTION_DAYS: '365', HEARBACK_ADMIN_EMAIL: 'Owner@Shop.Example', HEARBACK_ADMIN_PASSWORD: 'a long password',
      HEARBACK_RATE_LIMIT: '120', HEARBACK_RATE_WINDOW: '30', HEARBACK_TRUST_PROXY: '1', HEARBACK_SECRET_KEY: 'k'.repeat(32), HEARBACK_ALLOW_PRIVATE_DESTINATIONS: '1',
    }, ['--port', '9001', '--host=0.0.0.0']);
    expect(config).toMatchObject({
      port: 9001, host: '0.0.0.0', databaseUrl: 'postgres://hb:secret@db.internal:5432/hearback', publicUrl: 'https://feedback.shop.example',
      allowedOrigins: ['https://shop.example', 'https://www.shop.example'], retentionDays: 365,
      admin: { email: 'owner@shop.example', password: 'a long password' }, rateLimit: { limit: 120, windowSeconds: 30 }, trustProxy: 1, secretKey: 'k'.repeat(32), allowPrivateDestinations: true,
    });
    expect(loadConfig({ HEARBACK_TIMEZONE: 'UTC' }, ['--allow-private-destinations', '1']).allowPrivateDestinations).toBe(true);
    expect(problemsOf({ HEARBACK_TIMEZONE: 'UTC', HEARBACK_ALLOW_PRIVATE_DESTINATIONS: 'yes' })).toEqual(['HEARBACK_ALLOW_PRIVATE_DESTINATIONS: "yes" must be 1 (allow) or 0 (refuse)']);
  });

  it('names every bad value on its own line: what was wrong and what is allowed', () => {
    expect(problemsOf({
      PORT: 'eighty', HEARBACK_TIMEZONE: 'Mars/Olympus', HEARBACK_ALLOWED_ORIGINS: 'https://shop.example/checkout',
      DATABASE_URL: 'mysql://x', HEARBACK_RETENTION_DAYS: '0', HEARBACK_PUBLIC_URL: 'feedback.shop.example',
      HEARBACK_ADMIN_EMAIL: 'owner', HEARBACK_ADMIN_PASSWORD: 'short', HEARBACK_SECRET_KEY: 'too-short-to-be-a-key',
    })).toEqual([
      'PORT: "eighty" must be a whole number from 0 to 65535',
      'DATABASE_URL: "mysql://x" must be a PostgreSQL URL like postgres://user:password@host:5432/hearback',
      'HEARBACK_PUBLIC_URL: "feedback.shop.example" must be the address people use to reach this app, like https://shop.example or http://127.0.0.1:8080 (scheme, host and optional port, no path)',
      'HEARBACK_ALLOWED_ORIGINS: "https://shop.example/checkout" must be a comma-separated list of site origins, each like https://shop.example or http://127.0.0.1:8080 (scheme, host and optional port, no path)',
      'HEARBACK_TIMEZONE: "Mars/Olympus" is not an IANA time zone; use a name like Asia/Bangkok, Europe/Berlin or UTC',
      'HEARBACK_RETENTION_DAYS: "0" must be a whole number from 1 to 36500',
      'HEARBACK_ADMIN_EMAIL: "owner" must be an email address like owner@shop.example',
      'HEARBACK_ADMIN_PASSWORD: "***" must be at least 10 characters long',
      'HEARBACK_SECRET_KEY: "***" must be at least 32 characters (e.g. `openssl rand -base64 32`)',
    ]);
  });

  it('names the flag when the bad value came from one, and refuses unknown flags', () => {
    expect(problemsOf({ HEARBACK_TIMEZONE: 'UTC' }, ['--port', '99999'])).toEqual(['--port: "99999" must be a whole number from 0 to 65535']);
    expect(problemsOf({ HEARBACK_TIMEZONE: 'UTC' }, ['--prot', '80'])[0]).toMatch(/^Unknown option '--prot'.*; known flags: --port, --host/);
  });

  it('wants both admin variables or neither', () => {
    expect(problemsOf({ HEARBACK_TIMEZONE: 'UTC', HEARBACK_ADMIN_EMAIL: 'owner@shop.example' })).toEqual([
      'HEARBACK_ADMIN_EMAIL and HEARBACK_ADMIN_PASSWORD: set both (the first owner\'s sign-in) or neither (a one-time setup link is printed at start)',
    ]);
  });

  it('holds an alert claim 120 s unless HEARBACK_ALERT_LEASE says otherwise (10–3600)', () => {
    expect(loadConfig({ HEARBACK_TIMEZONE: 'UTC' }).alertLeaseSeconds).toBe(120);
    expect(loadConfig({ HEARBACK_TIMEZONE: 'UTC', HEARBACK_ALERT_LEASE: '10' }).alertLeaseSeconds).toBe(10);
    expect(problemsOf({ HEARBACK_TIMEZONE: 'UTC', HEARBACK_ALERT_LEASE: '5' })).toEqual(['HEARBACK_ALERT_LEASE: "5" must be a whole number from 10 to 3600']);
  });
});
