// Shared helpers for real-browser tests: Debian's Chromium through playwright-core, and a static
// file server on 127.0.0.1. No browser is ever downloaded.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { findChromium } from '../../scripts/chromium-path.mjs';

export const root = new URL('../..', import.meta.url).pathname;

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Folders this process made (screenshots, build output); each is gone when the process ends. */
const scratch = new Set();
let sweepOnExit = false;

/**
 * A fresh folder under the system temp dir, deleted by `remove()` and, whatever happens to the test
 * (a failed assertion, a throw in a hook), when the process exits.
 */
export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.add(dir);
  if (!sweepOnExit) {
    sweepOnExit = true;
    process.on('exit', () => scratch.forEach((left) => rmSync(left, { recursive: true, force: true })));
  }
  return { dir, remove: () => (rmSync(dir, { recursive: true, force: true }), scratch.delete(dir)) };
}

/**
 * The Chromium this process's contexts share. Starting Chromium costs far more than a context, and
 * a test file opens a fresh context per test (the frequency rules must not leak across tests): one
 * browser per process, closed shortly after its last context closes (so a process that is done
 * exits; a test opening its next context at once keeps it).
 */
let shared;
const idleCloseMs = 250;

function startBrowser(args) {
  const browser = findChromium();
  if (!browser.path) throw new Error(browser.problem);
  return chromium.launch({ executablePath: browser.path, headless: true, args });
}

/** The shared browser, with one more context counted on it; `release()` counts that one off. */
async function takeBrowser() {
  if (!shared) {
    const entry = { browser: startBrowser(chromiumArgs), contexts: 0, idle: undefined };
    entry.browser.catch(() => shared === entry && (shared = undefined));
    shared = entry;
  }
  const entry = shared;
  clearTimeout(entry.idle);
  entry.contexts += 1;
  const release = () => {
    entry.contexts -= 1;
    if (entry.contexts > 0) return;
    entry.idle = setTimeout(() => {
      if (shared === entry) shared = undefined;
      entry.browser.then((browser) => browser.close()).catch(() => {});
    }, idleCloseMs);
  };
  try {
    return { browser: await entry.browser, release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * A fresh context: its own cookies, storage and IndexedDB (which survive page reloads and other
 * tabs within it), nothing shared with any other context. `options` are Playwright's context
 * options (viewport, permissions, isMobile…); `args` instead starts a browser of its own with
 * those command-line switches, closed with the context.
 */
export async function launch({ args, ...options } = {}) {
  const { browser, release } = args
    ? { browser: await startBrowser(args), release: undefined }
    : await takeBrowser();
  let context;
  try {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  } catch (error) {
    if (release) release();
    else await browser.close();
    throw error;
  }
  const close = context.close.bind(context);
  let closed = false;
  context.close = async (...closeArgs) => {
    try {
      return await close(...closeArgs);
    } finally {
      if (!closed) {
        closed = true;
        if (release) release();
        else await browser.close();
      }
    }
  };
  return context;
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/**
 * Serves files under the repository root, plus `routes` (path → (req, res) handler) first, then
 * `routeOf(path)` (a handler for a path no route names, e.g. a fake API's every path; or undefined).
 * `headers(path)` may add response headers (e.g. a strict CSP for one page).
 */
export async function serve({ routes = {}, headers = () => ({}), routeOf = () => undefined } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const route = routes[path] ?? routeOf(path);
    if (route) return route(req, res);
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    // The script's chunks are fetched with `crossorigin` (their SRI is checked): served with open
    // CORS, as the collector and any CDN serve them, so a page of another origin — or a sandboxed
    // frame's opaque one — can load them.
    const cors = path.startsWith('/dist/') ? { 'access-control-allow-origin': '*' } : {};
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...cors, ...headers(path) });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, port, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

/** Reads a request body as text. */
export function readBody(req) {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

/**
 * Closes a tab the way a visitor does (`pagehide` runs) and waits until it is gone: with
 * `runBeforeUnload` Playwright's `close()` returns at once, and a context call made while the tab
 * is still closing (`setOffline`) fails with "Target page, context or browser has been closed".
 */
export async function closeTab(page) {
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
}
