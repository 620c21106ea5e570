// What a shop gets once hearback is published: packs `hearback` and `hearback-collector` (npm pack;
// the collector's prepack builds it), installs both tarballs into an empty folder, runs
// `npx hearback-collector --help`, starts the installed command on a free port with its own PGlite
// folder, and fetches /healthz, /hearback.min.js and the sign-in page. The server is ended by its
// pid and the folder removed, pass or fail. Run from the repository root after `npm run build`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const started = Date.now();
const folder = mkdtempSync(join(tmpdir(), 'hearback-installed-'));
const quiet = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] };
let server;
let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

try {
  const packs = join(folder, 'packs');
  mkdirSync(packs);
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packs], quiet);
  execFileSync('npm', ['pack', '--workspace', 'hearback-collector', '--pack-destination', packs], quiet);
  const tarballs = readdirSync(packs).map((file) => join(packs, file));
  check(tarballs.length === 2, `packed ${tarballs.map((t) => t.split('/').pop()).join(', ')}`);

  const shop = join(folder, 'shop');
  mkdirSync(shop);
  writeFileSync(join(shop, 'package.json'), JSON.stringify({ name: 'a-shop', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], { ...quiet, cwd: shop });
  check(true, 'npm install of both tarballs into an empty folder');

  const help = execFileSync('npx', ['--no-install', 'hearback-collector', '--help'], { ...quiet, cwd: shop });
  check(/^Usage: hearback-collector/.test(help) && help.includes('backup <file>'), 'npx hearback-collector --help');

  const command = join(shop, 'node_modules', '.bin', 'hearback-collector');
  server = spawn(process.execPath, [command], {
    cwd: shop,
    env: { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', HEARBACK_DATA_DIR: join(folder, 'data'), HEARBACK_TIMEZONE: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the installed collector did not start in 90 s:\n${output}`)), 90_000);
    const read = (chunk) => {
      output += chunk;
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`the installed collector exited (${code}):\n${output}`)));
  });
  check(true, `started: ${origin}`);
  const health = await fetch(`${origin}/healthz`);
  check(health.status === 200, `GET /healthz → ${health.status}`);
  const script = await fetch(`${origin}/hearback.min.js`);
  const body = await script.text();
  check(script.status === 200 && /javascript/.test(script.headers.get('content-type') ?? '') && body.length > 1000, `GET /hearback.min.js → ${script.status}, ${body.length} bytes`);
  const signIn = await fetch(`${origin}/signin`);
  check(signIn.status === 200 && (await signIn.text()).includes('action="/signin"'), `GET /signin → ${signIn.status}`);
} catch (error) {
  console.error(String(error?.stderr ?? '') + String(error?.message ?? error));
  failed = true;
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    const signal = (name) => {
      try {
        process.kill(server.pid, name);
      } catch {
        // it has exited already
      }
    };
    signal('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.exitCode === null) signal('SIGKILL');
  }
  rmSync(folder, { recursive: true, force: true });
}
console.log(`installed collector check: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
