// Debian's Chromium for the app's page tests: a fresh profile in a temp folder (removed on close),
// and where screenshots go — docs/screenshots/ with UPDATE_SCREENSHOTS=1, else a temp folder, so
// running the tests leaves the work tree clean.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const repository = new URL('../../../', import.meta.url).pathname;
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A persistent Chromium context at `viewport`, and the folder its screenshots go to (ends with /). */
export async function launchChromium(name: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; screenshots: string; close(): Promise<void> }> {
  const keep = process.env.UPDATE_SCREENSHOTS === '1';
  const profile = mkdtempSync(join(tmpdir(), `hearback-${name}-`));
  const screenshots = keep ? `${repository}docs/screenshots/` : `${mkdtempSync(join(tmpdir(), `hearback-${name}-shots-`))}/`;
  mkdirSync(screenshots, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: chromiumArgs, viewport,
  });
  return {
    context,
    screenshots,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (!keep) rmSync(screenshots, { recursive: true, force: true });
    },
  };
}
