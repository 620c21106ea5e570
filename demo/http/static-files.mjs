import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

/** The origin the pages are written for; rewritten to the one actually serving them. */
export const WRITTEN_ORIGIN = 'http://127.0.0.1:8787';
const include = /<!--#include "([\w-]+\.html)"-->/g;

/**
 * Serves files from `dir`, refusing paths that climb out of it. HTML gets two small services a
 * site template would give an owner: `<!--#include "name.html"-->` pastes `dir/_partials/name.html`
 * (one copy of the snippet for every shop page), and the written origin `http://127.0.0.1:8787`
 * becomes the origin the page was requested from (another PORT, or localhost).
 * @param {string} dir
 * @returns {(path: string, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>} false when there is no such file
 */
export function createStaticFiles(dir, { cache = 'no-cache' } = {}) {
  const root = normalize(dir + sep);
  return async function serveStatic(path, req, res) {
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return false;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile() || file.includes(`${sep}_partials${sep}`)) return false;
    const type = types[extname(file)] ?? 'application/octet-stream';
    let body = await readFile(file);
    if (type.startsWith('text/html')) body = Buffer.from(await renderHtml(body.toString('utf8'), root, originOf(req)));
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': cache, 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

async function renderHtml(html, root, origin) {
  const parts = await Promise.all([...html.matchAll(include)].map((m) => readFile(join(root, '_partials', m[1]), 'utf8')));
  let i = 0;
  return html.replace(include, () => parts[i++]).replaceAll(WRITTEN_ORIGIN, origin);
}

function originOf(req) {
  const host = req.headers.host ?? '';
  return /^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(host) ? `http://${host}` : WRITTEN_ORIGIN;
}
