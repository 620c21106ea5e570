import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { findChromium } from '../../../scripts/chromium-path.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const only = (...files: string[]) => (file: string) => files.includes(file);

describe('finding a browser for the tests', () => {
  it('takes CHROMIUM_PATH first, over Debian\'s and PATH\'s', () => {
    const found = findChromium({ env: { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' }, executable: only('/opt/chrome/chrome', '/usr/bin/chromium') });
    expect(found).toEqual({ path: '/opt/chrome/chrome' });
  });

  it('says so when CHROMIUM_PATH points at nothing, instead of quietly using another browser', () => {
    const found = findChromium({ env: { CHROMIUM_PATH: '/nonexistent' }, executable: only('/usr/bin/chromium') });
    expect(found.path).toBeUndefined();
    expect(found.problem).toContain('CHROMIUM_PATH=/nonexistent is not an executable file');
    expect(found.problem).toContain('apt-get install chromium');
  });

  it('then Debian\'s /usr/bin/chromium, then chromium or google-chrome on PATH', () => {
    expect(findChromium({ env: { PATH: '/opt/bin' }, executable: only('/usr/bin/chromium', '/opt/bin/chromium') })).toEqual({ path: '/usr/bin/chromium' });
    expect(findChromium({ env: { PATH: '/a:/b' }, executable: only('/b/google-chrome') })).toEqual({ path: '/b/google-chrome' });
  });

  it('without any, one line that names both ways to get one', () => {
    const { problem } = findChromium({ env: { PATH: '/a:/b' }, executable: () => false });
    expect(problem).not.toContain('\n');
    expect(problem).toMatch(/apt-get install chromium.*CHROMIUM_PATH=/);
  });
});

describe('npm test without a browser', () => {
  it('stops within seconds with one line on how to get one, before any other step', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['scripts/test-all.mjs'], {
      cwd: root, encoding: 'utf8', timeout: 20_000,
      env: { PATH: '/nonexistent-bin', CHROMIUM_PATH: '/nonexistent', HOME: process.env.HOME ?? '/' },
    });
    const seconds = (Date.now() - started) / 1000;
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'npm test: CHROMIUM_PATH=/nonexistent is not an executable file: point it at a Chrome or Chromium binary, or unset it and install Chromium (Debian/Ubuntu: apt-get install chromium).',
    ]);
    expect(seconds).toBeLessThan(5);
  });
});
