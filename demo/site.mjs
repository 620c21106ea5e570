import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));
const sdkDist = fileURLToPath(new URL('../dist/', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json',
};

/** The origin the pages are written for; rewritten to the one actually serving them. */
export const WRITTEN_ORIGIN = 'http://127.0.0.1:8787';
const include = /<!--#include "([\w-]+\.html)"-->/g;

// The demo shop stands for a shop's own site, which pastes the snippet inline: its pages get a
// CSP of their own that allows inline scripts, unlike the owner's app.
const shopPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

/**
 * The demo around the collector, mounted before it by `demo/server.mjs`: `demo/public` (the shop,
 * the kiosk, the index page) and `/dist/*` (the SDK as built). A path with no file here falls
 * through to the collector. HTML gets two services a site template would give an owner:
 * `<!--#include "name.html"-->` pastes `demo/public/_partials/name.html` (one copy of the snippet
 * for every shop page), and the written origin becomes the origin the page was requested from.
 * @param {import('hono').Hono} app
 */
export function mountDemoSite(app) {
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const path = c.req.path;
    const file = path.startsWith('/dist/') ? await find(sdkDist, path.slice(6)) : await find(publicDir, path);
    if (!file) {
      if (path.startsWith('/dist/')) return c.text(`${path} is not built yet: run npm run build (npm start builds it for you)\n`, 404);
      return next();
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    let body = await readFile(file);
    if (type.startsWith('text/html')) {
      body = await renderHtml(body.toString('utf8'), new URL(c.req.url).origin);
      c.header('content-security-policy', shopPolicy);
    }
    return c.body(body, 200, { 'content-type': type, 'cache-control': 'no-cache', 'cross-origin-resource-policy': 'cross-origin' });
  });
}

/** The file for a URL path under `dir` (a folder's index.html), or null: never outside `dir`, never a partial. */
async function find(dir, path) {
  const root = normalize(dir + sep);
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  let file = normalize(join(root, decoded));
  if (!file.startsWith(root) || file.includes(`${sep}_partials${sep}`)) return null;
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  return info?.isFile() ? file : null;
}

async function renderHtml(html, origin) {
  const parts = await Promise.all([...html.matchAll(include)].map((m) => readFile(join(publicDir, '_partials', m[1]), 'utf8')));
  let i = 0;
  return html.replace(include, () => parts[i++]).replaceAll(WRITTEN_ORIGIN, origin);
}
