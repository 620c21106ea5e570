import { cors } from 'hono/cors';
import { isAnswerRefused } from '../answer-refused';
import type { App, FeatureDeps } from '../app-env';
import { clientAddress } from '../http/client-address';
import { limitBody } from '../http/limit-body';
import { problem } from '../http/problem';
import { rateLimiterFor } from '../http/rate-limiters';
import type { ResponsesStore } from './responses-store';

const acceptedTypes = ['text/plain', 'application/json'];

/**
 * Answers in.
 * - `POST /api/responses` (public, for the widget): one answer as `text/plain` (the SDK default, no
 *   preflight) or `application/json`. 201 `{ id }` stored; 200 `{ id, duplicate: true }` for an
 *   `id` already stored (plus `completed: true` when the repeat carried the answer's `key` and
 *   filled in a comment, reasons or contact consent; nothing else of a repeat is kept); 400
 *   `{ problems }` for anything the receiver kit rejects; 403 for an origin not on the allow list
 *   (readable by that origin's page, so the widget can name the fix; its preflight gets no CORS;
 *   the app lists the site under Settings → Refused sites, with one click to allow it);
 *   413 over 64 KB; 415 other content types; 429 + `Retry-After` past the per-client rate limit
 *   (all instances on one PostgreSQL server together);
 *   400 or 409 when an answer hook refuses it by the owner's rules (`AnswerRefused`); 503 +
 *   `Retry-After` only when the database fails (the SDK keeps the answer and retries).
 *   CORS headers go to allowed origins only.
 * Reading answers back (exports, summary, comments) is the dashboard's (`src/dashboard/`).
 */
export function mountResponses(app: App, { db, config, kit, log, now, origins, refusedSites }: FeatureDeps, { store }: { store: ResponsesStore }) {
  // On PostgreSQL shared by the instances, synced about once a second (no round trip per answer).
  const limiter = rateLimiterFor(db, 'answers', { limit: config.rateLimit.limit, windowSeconds: config.rateLimit.windowSeconds, now: () => now().getTime(), hot: true });

  app.use('/api/responses', async (c, next) => {
    await next();
    // Chrome's Private Network Access: a public site posting to a collector on a private address.
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-private-network') === 'true' && c.res.headers.has('access-control-allow-origin')) {
      c.res.headers.set('access-control-allow-private-network', 'true');
    }
  });
  app.use('/api/responses', cors({
    origin: (origin, c) => (origin && origins.check(c).ok ? origin : null),
    allowMethods: ['POST', 'OPTIONS'],
    allowHeaders: ['content-type'],
    // A page of another origin may read only the response headers listed here; the widget reads
    // Retry-After on a 429 or 503 to wait as long as asked.
    exposeHeaders: ['retry-after'],
    maxAge: 86_400,
  }));

  app.post(
    '/api/responses',
    async (c, next) => {
      const verdict = origins.check(c);
      if (!verdict.ok) {
        await refusedSites.recordWithin(limiter, clientAddress(c, config.trustProxy), verdict.origin, log);
        // The refused page may read this 403 (nothing was stored, nothing else is shared): the widget
        // then keeps the answer and prints one console line naming the fix, instead of a bare CORS error.
        return problem(c, 403, refusedSites.refusal('answers', verdict.origin), { 'access-control-allow-origin': verdict.origin, vary: 'Origin' });
      }
      const allowed = await limiter.hit(clientAddress(c, config.trustProxy));
      if (!allowed.ok) {
        return problem(c, 429, `too many answers from one client; try again in ${allowed.retryAfterSeconds} s`, { 'retry-after': String(allowed.retryAfterSeconds) });
      }
      const type = (c.req.header('content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase();
      if (!acceptedTypes.includes(type)) return problem(c, 415, `content-type must be text/plain or application/json (got ${type})`);
      return next();
    },
    limitBody(kit.MAX_BODY_BYTES),
    async (c) => {
      const parsed = kit.parseAnswer(await c.req.text(), { now: now() });
      if (!parsed.ok) return problem(c, 400, parsed.problems);
      const id = parsed.answer.id;
      let result;
      try {
        result = await store.insert(parsed.answer);
      } catch (error) {
        if (isAnswerRefused(error)) return problem(c, error.status, error.message);
        log.error('storing an answer failed', { error: String((error as Error)?.message ?? error) });
        return problem(c, 503, 'the database is unavailable; try again later', { 'retry-after': '5' });
      }
      if (result.stored) return c.json({ id }, 201);
      return c.json(result.completed ? { id, duplicate: true, completed: true } : { id, duplicate: true }, 200);
    },
  );
}
