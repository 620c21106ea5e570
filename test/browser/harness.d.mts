// Types for the collector's TypeScript tests that share this harness's Chromium (one browser per
// process, a fresh context per test). Only what they use is declared.
import type { BrowserContext, BrowserContextOptions } from 'playwright-core';

/** A fresh context on the shared Chromium; `args` starts a browser of its own instead. */
export function launch(options?: BrowserContextOptions & { args?: string[] }): Promise<BrowserContext>;
