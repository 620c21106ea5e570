// What `npm start` builds before the demo starts: nothing when the builds are newer than their
// sources. The SDK (dist/, by rollup) is rebuilt when a file in src/, rollup.config.mjs,
// package.json or tsconfig.build.json is newer than the oldest file of the last build (rollup
// empties dist/ first, so that is when the last build began); the collector (collector/dist/) when
// a file in collector/src, collector/client, collector/migrations or src/ is newer than its build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { buildIfStale, newest } from '../../collector/scripts/build.mjs';

const root = new URL('../../', import.meta.url);

/** Oldest modification time under a folder, in ms (0 when it is missing or empty). */
function oldest(dir) {
  if (!existsSync(dir)) return 0;
  const times = readdirSync(dir, { withFileTypes: true }).map((entry) =>
    entry.isDirectory() ? oldest(new URL(`${entry.name}/`, dir)) : statSync(new URL(entry.name, dir)).mtimeMs);
  return times.length ? Math.min(...times) : 0;
}

/** Whether the SDK's dist/ is missing or older than a source. */
export function sdkIsStale() {
  const built = oldest(new URL('dist/', root));
  const sources = [newest(new URL('src/', root)), ...['rollup.config.mjs', 'package.json', 'tsconfig.build.json'].map((file) => statSync(new URL(file, root)).mtimeMs)];
  return !built || !existsSync(new URL('dist/hearback.min.js', root)) || Math.max(...sources) > built;
}

/** Builds what is stale; resolves with one line saying what was built. */
export async function buildDemoIfStale() {
  const sdk = sdkIsStale();
  if (sdk) {
    // Rollup reports its progress on stderr: shown only when the build fails.
    const result = spawnSync(process.execPath, [new URL('node_modules/rollup/dist/bin/rollup', root).pathname, '-c'], { cwd: root.pathname, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the SDK build (rollup -c) failed:\n${result.stderr}`);
  }
  const collector = await buildIfStale();
  if (!sdk && !collector) return 'up to date (no source changed since the last build)';
  return `rebuilt ${[sdk && 'the SDK (dist/)', collector && 'the collector (collector/dist/)'].filter(Boolean).join(' and ')}`;
}
