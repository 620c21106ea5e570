import { BodyTooLargeError, readBody } from './read-body.mjs';
import { parseFilters } from '../collector/filters.mjs';
import { toCsv } from '../collector/csv.mjs';

const acceptedTypes = ['text/plain', 'application/json'];
const cors = { 'access-control-allow-origin': '*' };

/**
 * The reference collector and the dashboard's API as one request handler.
 * - `POST /api/responses`: one answer, `text/plain` or `application/json`; 201 stored, 200
 *   `{ duplicate: true }` for an `id` already stored, 400 `{ problems }`, 413 over `maxBodyBytes`,
 *   415 other content types, 503 (retried by the SDK) when the database fails.
 * - `OPTIONS /api/*`: CORS preflight (only `application/json` bodies need one).
 * - `GET /api/responses.json|.csv`, `GET /api/summary`: `survey`, `type`, `from`, `to` filters.
 * - `POST /api/preview`: accepts and drops answers (the snippet builder's live preview).
 * Anything else goes to `fallback` (static files).
 * @param {{
 *   store: ReturnType<typeof import('../collector/responses-store.mjs').createResponsesStore>,
 *   parseAnswer: (body: string) => { ok: true, answer: any } | { ok: false, problems: string[] },
 *   summarise: ReturnType<typeof import('../collector/summary.mjs').createSummary>,
 *   maxBodyBytes?: number,
 *   fallback?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, path: string) => Promise<void>,
 *   log?: (message: string) => void,
 * }} deps
 */
export function createCollectorApp({ store, parseAnswer, summarise, maxBodyBytes = 64 * 1024, fallback, log = console.error }) {
  const routes = {
    'POST /api/responses': receive,
    'POST /api/preview': async (req, res) => {
      await readBody(req, maxBodyBytes);
      send(res, 204);
    },
    'GET /api/responses.json': withFilters(async (filters, res) => send(res, 200, await store.list(filters))),
    'GET /api/responses.csv': withFilters(async (filters, res) => {
      const csv = toCsv(await store.list(filters));
      res.writeHead(200, { ...cors, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="hearback-responses.csv"' });
      res.end(csv);
    }),
    'GET /api/summary': withFilters(async (filters, res) => {
      const [counts, weekly, comments, callbacks, surveys] = await Promise.all([
        store.scoreCounts(filters), store.weeklyScoreCounts(filters), store.latestComments(filters), store.callbacks(filters), store.surveys(),
      ]);
      send(res, 200, summarise({ counts, weekly, comments, callbacks, surveys }));
    }),
  };

  async function receive(req, res) {
    const type = (req.headers['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase();
    if (!acceptedTypes.includes(type)) {
      return send(res, 415, { problems: [`content-type must be text/plain or application/json (got ${type})`] });
    }
    const parsed = parseAnswer(await readBody(req, maxBodyBytes));
    if (!parsed.ok) return send(res, 400, { problems: parsed.problems });
    const { stored, completed } = await store.insert(parsed.answer);
    const id = parsed.answer.id;
    send(res, stored ? 201 : 200, stored ? { id } : completed ? { id, duplicate: true, completed: true } : { id, duplicate: true });
  }

  function withFilters(handle) {
    return (req, res, url) => {
      const parsed = parseFilters(url.searchParams);
      return parsed.ok ? handle(parsed.filters, res) : send(res, 400, { problems: parsed.problems });
    };
  }

  return async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    try {
      if (path.startsWith('/api/') && req.method === 'OPTIONS') return preflight(req, res);
      const route = routes[`${req.method === 'HEAD' ? 'GET' : req.method} ${path}`];
      if (route) return await route(req, res, url);
      if (path.startsWith('/api/')) return send(res, Object.keys(routes).some((r) => r.endsWith(` ${path}`)) ? 405 : 404, { problems: [`no route ${req.method} ${path}`] });
      if (fallback && (req.method === 'GET' || req.method === 'HEAD')) return await fallback(req, res, path);
      send(res, 404, { problems: [`no route ${req.method} ${path}`] });
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        return send(res, 413, { problems: [`body must be at most ${error.limit} bytes`] });
      }
      log(`hearback collector: ${req.method} ${path} failed: ${error?.stack ?? error}`);
      // 503 + Retry-After: the SDK keeps the answer and retries later.
      if (!res.headersSent) send(res, 503, { problems: ['the database is unavailable; try again later'] }, { 'retry-after': '5' });
      else res.destroy();
    }
  };
}

function preflight(req, res) {
  res.writeHead(204, {
    ...cors,
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
    'access-control-max-age': '86400',
    // Chrome's Private Network Access: a public site posting to a collector on localhost.
    ...(req.headers['access-control-request-private-network'] === 'true' ? { 'access-control-allow-private-network': 'true' } : {}),
    vary: 'origin, access-control-request-headers',
  });
  res.end();
}

function send(res, status, body, headers = {}) {
  if (body === undefined) {
    res.writeHead(status, { ...cors, ...headers });
    return void res.end();
  }
  const json = JSON.stringify(body);
  res.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(json);
}
