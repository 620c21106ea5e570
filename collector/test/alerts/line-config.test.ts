import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('HEARBACK_LINE_API_URL', () => {
  it('defaults to LINE, and takes a local fake\'s address (tests)', () => {
    expect(loadConfig({ HEARBACK_TIMEZONE: 'UTC' }).lineApiUrl).toBe('https://api.line.me');
    expect(loadConfig({ HEARBACK_TIMEZONE: 'UTC', HEARBACK_LINE_API_URL: 'http://127.0.0.1:9999/' }).lineApiUrl).toBe('http://127.0.0.1:9999');
    expect(loadConfig({ HEARBACK_TIMEZONE: 'UTC' }, ['--line-api-url', 'https://line.internal']).lineApiUrl).toBe('https://line.internal');
  });

  it('names a bad value and says what is allowed', () => {
    let error: unknown;
    try {
      loadConfig({ HEARBACK_TIMEZONE: 'UTC', HEARBACK_LINE_API_URL: 'api.line.me/v2/bot' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'HEARBACK_LINE_API_URL: "api.line.me/v2/bot" must be a base URL like https://api.line.me (scheme and host, no path)',
    ]);
  });
});
