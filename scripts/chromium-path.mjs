// Where the real-browser tests, the benchmarks and the screenshot scripts find Chrome or Chromium.
// No browser is ever downloaded: `CHROMIUM_PATH` wins when set (and must then point at an
// executable), else Debian's `/usr/bin/chromium`, else `chromium` or `google-chrome` on PATH.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const commands = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** True for a file this process may execute. */
export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Resolves the browser. Returns `{ path }` when one is found, else `{ problem }`: one line that says
 * what was wrong and how to get a browser.
 * @param {{ env?: Record<string, string | undefined>, executable?: (file: string) => boolean }} [deps]
 */
export function findChromium({ env = process.env, executable = isExecutable } = {}) {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    return executable(chosen)
      ? { path: chosen }
      : { problem: `CHROMIUM_PATH=${chosen} is not an executable file: point it at a Chrome or Chromium binary, or unset it and install Chromium (Debian/Ubuntu: apt-get install chromium).` };
  }
  if (executable('/usr/bin/chromium')) return { path: '/usr/bin/chromium' };
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of commands) {
    for (const dir of dirs) {
      const file = join(dir, command);
      if (executable(file)) return { path: file };
    }
  }
  return { problem: 'No Chrome or Chromium found for the browser tests: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH=/path/to/chrome.' };
}
