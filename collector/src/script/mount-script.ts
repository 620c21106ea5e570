import type { App } from '../app-env';
import { problem } from '../http/problem';
import type { ScriptFile, ScriptFiles, ScriptMissing } from './script-files';

/** The plain name changes with every release: caches check back after five minutes. */
const plainCache = 'public, max-age=300';
/** A versioned or content-hashed name never changes its bytes (its SRI hash is pinned in snippets and in the loader). */
const versionedCache = 'public, max-age=31536000, immutable';

/**
 * Serves the widget from the collector, public and cross-origin (any shop page loads it):
 * `GET /hearback.min.js` (short cache), `GET /hearback-<version>.min.js` and the chunks the loader
 * fetches from beside itself, `GET /hearback-{engine,prompt,lang-<tag>}.<hash>.min.js` (cached for
 * a year). CORS is open so `<script crossorigin>` with `integrity` works (the loader fetches its
 * chunks that way), and
 * `Cross-Origin-Resource-Policy: cross-origin` lets pages of other sites load it without CORS.
 * Without a built SDK, `/hearback.min.js` answers 404 saying so.
 */
export function mountScript(app: App, { script }: { script: ScriptFiles | ScriptMissing }) {
  if ('missing' in script) {
    app.get('/hearback.min.js', (c) => problem(c, 404, script.missing));
    return;
  }
  for (const file of [script.plain, ...script.versioned, ...script.chunks]) {
    app.get(`/${file.name}`, (c) => {
      const headers = scriptHeaders(file);
      if (c.req.header('if-none-match') === headers.etag) return c.body(null, 304, headers);
      return c.body(new Uint8Array(file.body), 200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
    });
  }
}

function scriptHeaders(file: ScriptFile): Record<string, string> {
  return {
    'cache-control': file.versioned ? versionedCache : plainCache,
    etag: `"${file.integrity}"`,
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'x-content-type-options': 'nosniff',
  };
}
