import { cors } from 'hono/cors';
import type { App, FeatureDeps } from '../app-env';
import { clientAddress } from '../http/client-address';
import { limitBody } from '../http/limit-body';
import { problem } from '../http/problem';
import { rateLimiterFor } from '../http/rate-limiters';
import { maxShownBodyBytes, parseShownReport } from './shown-report';
import { createShownStore } from './shown-store';

const acceptedTypes = ['text/plain', 'application/json'];

/**
 * `POST /api/shown` (public, for the widget's `shownUrl`): which prompts a page view showed,
 * `{ v: 1, shown: [{ survey, type, mode, locale, url, context, at }] }` as `text/plain` (no
 * preflight, `sendBeacon` at page hide) or `application/json`. The same origin and rate rules as
 * answers: 403 for a site not allowed (recorded under Refused sites), 429 + `Retry-After` past
 * the per-client limit (a limit of its own, as large as the answers'), 415 other content types,
 * 413 over 64 KB, 400 `{ problems }` naming each bad field; 204 when counted. Counts only: no
 * user, no row per view (`shown-store.ts`).
 */
export function mountShown(app: App, { db, config, kit, log, now, origins, refusedSites }: FeatureDeps) {
  const limiter = rateLimiterFor(db, 'shown', { limit: config.rateLimit.limit, windowSeconds: config.rateLimit.windowSeconds, now: () => now().getTime(), hot: true });
  const store = createShownStore({ db, timeZone: () => config.timezone, publicUrl: () => config.publicUrl });
  const types = Object.keys(kit.surveyKinds);

  app.use('/api/shown', cors({
    origin: (origin, c) => (origin && origins.check(c).ok ? origin : null),
    allowMethods: ['POST', 'OPTIONS'],
    allowHeaders: ['content-type'],
    exposeHeaders: ['retry-after'],
    maxAge: 86_400,
  }));

  app.post(
    '/api/shown',
    async (c, next) => {
      const client = clientAddress(c, config.trustProxy);
      const verdict = origins.check(c);
      if (!verdict.ok) {
        await refusedSites.recordWithin(limiter, client, verdict.origin, log);
        return problem(c, 403, refusedSites.refusal('shown reports', verdict.origin));
      }
      const allowed = await limiter.hit(client);
      if (!allowed.ok) {
        return problem(c, 429, `too many shown reports from one client; try again in ${allowed.retryAfterSeconds} s`, { 'retry-after': String(allowed.retryAfterSeconds) });
      }
      const type = (c.req.header('content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase();
      if (!acceptedTypes.includes(type)) return problem(c, 415, `content-type must be text/plain or application/json (got ${type})`);
      return next();
    },
    limitBody(maxShownBodyBytes),
    async (c) => {
      const parsed = parseShownReport(await c.req.text(), { types, now: now() });
      if (!parsed.ok) return problem(c, 400, parsed.problems);
      await store.record(parsed.shown);
      return c.body(null, 204);
    },
  );
}
