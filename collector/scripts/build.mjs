// Builds the collector: the server (src/cli.ts, src/server.ts, src/app.ts → dist/*.js, Node 20,
// dependencies left to node_modules, the receiver kit's source bundled in) and the client assets
// (every file at the top of client/ is an entry: client/dashboard.js → dist/assets/dashboard.js,
// client/shell.css → dist/assets/shell.css; subfolders hold what entries import).
// Usage: node scripts/build.mjs [--client]   (--client: the client assets only)
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { build } from 'esbuild';

const here = new URL('..', import.meta.url);
const root = new URL('../', here);
const sdkVersion = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version;
/** The app imports the receiver kit by its package name (`hearback/receiver`); the build bundles it from the SDK's source. */
const alias = { 'hearback/receiver': new URL('src/receiver.ts', root).pathname };

/** The client entry points: top-level .ts, .tsx, .js, .jsx and .css files in client/. */
export function clientEntries() {
  return readdirSync(new URL('client/', here))
    .filter((file) => /\.(tsx?|jsx?|css)$/.test(file) && !/\.test\./.test(file))
    .map((file) => new URL(`client/${file}`, here).pathname);
}

export async function buildClient() {
  rmSync(new URL('dist/assets/', here), { recursive: true, force: true });
  await build({
    entryPoints: clientEntries(),
    outdir: new URL('dist/assets/', here).pathname,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias,
    loader: { '.svg': 'file', '.png': 'file', '.woff2': 'file' },
    logLevel: 'warning',
  });
}

export async function buildServer() {
  await build({
    entryPoints: ['cli', 'server', 'app'].map((name) => new URL(`src/${name}.ts`, here).pathname),
    outdir: new URL('dist/', here).pathname,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    alias,
    define: { __HEARBACK_VERSION__: JSON.stringify(sdkVersion) },
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** Newest modification time under a folder, in ms (the demo's start compares the SDK's sources with it too). */
export function newest(dir) {
  return Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
    entry.isDirectory() ? newest(new URL(`${entry.name}/`, dir)) : statSync(new URL(entry.name, dir)).mtimeMs));
}

/**
 * Builds the server and the client assets when there is no build, or when a source, client or
 * migration file is newer than it (what `npm start` and the tests that run the built command need).
 */
export async function buildIfStale() {
  const built = new URL('dist/cli.js', here);
  // `../src/`: the server bundles the SDK's receiver kit from its source.
  const stale = !existsSync(built) || ['src/', 'client/', 'migrations/', '../src/'].some((dir) => newest(new URL(dir, here)) > statSync(built).mtimeMs);
  if (!stale) return false;
  await buildClient();
  await buildServer();
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const clientOnly = process.argv.includes('--client');
  await buildClient();
  if (!clientOnly) await buildServer();
  console.log(`built ${clientOnly ? '' : 'collector/dist (server) and '}collector/dist/assets (client: ${clientEntries().length} entries)`);
}
