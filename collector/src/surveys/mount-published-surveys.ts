import { createHash } from 'node:crypto';
import type { App, FeatureDeps } from '../app-env';
import { clientAddress } from '../http/client-address';
import { problem } from '../http/problem';
import { rateLimiterFor } from '../http/rate-limiters';
import type { SurveyStore } from './survey-store';

/**
 * Revalidate on every read: the widget reads at most once a minute per visitor and sends the ETag,
 * so a read costs a 304, and a survey published or changed a moment ago is on the next read.
 */
const cacheControl = 'no-cache';

/**
 * `GET /api/surveys.json` (public, for the widget's `surveysUrl`): the published website and
 * kiosk surveys as a JSON array of survey definitions, exactly the widget's `surveys` shape, and
 * nothing unpublished. CORS for the origins allowed to post answers (the same policy as
 * `POST /api/responses`); other origins get 403 naming the fix, readable by their page (the
 * widget prints the fix in one console line; nothing else is shared), and the site is recorded
 * under Settings → Refused sites: a page that carries only the app's snippet reads its surveys
 * here before it can ask anything, so this is where a site not yet allowed first shows. `ETag` (a
 * hash of the body, the same on every instance) with 304 on `If-None-Match`. A preflight (the
 * widget's `If-None-Match` is not a simple header) is answered for allowed origins.
 */
export function mountPublishedSurveys(app: App, { db, config, log, now, origins, refusedSites }: Pick<FeatureDeps, 'db' | 'config' | 'log' | 'now' | 'origins' | 'refusedSites'>, store: Pick<SurveyStore, 'published'>) {
  // Bounds how often one client's refused reads are written down (the reads themselves cost nothing).
  const refusals = rateLimiterFor(db, 'surveys-refused', { limit: config.rateLimit.limit, windowSeconds: config.rateLimit.windowSeconds, now: () => now().getTime(), hot: true });
  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'etag', vary: 'Origin' } : { vary: 'Origin' };

  app.options('/api/surveys.json', (c) => {
    const verdict = origins.check(c);
    if (!verdict.ok) return c.body(null, 204, { vary: 'Origin' });
    return c.body(null, 204, {
      ...corsHeaders(verdict.origin),
      'access-control-allow-methods': 'GET, OPTIONS',
      'access-control-allow-headers': 'if-none-match',
      'access-control-max-age': '86400',
    });
  });

  app.get('/api/surveys.json', async (c) => {
    const verdict = origins.check(c);
    if (!verdict.ok) {
      await refusedSites.recordWithin(refusals, clientAddress(c, config.trustProxy), verdict.origin, log);
      return problem(c, 403, refusedSites.refusal('published surveys', verdict.origin), { 'access-control-allow-origin': verdict.origin, vary: 'Origin' });
    }
    const body = JSON.stringify(await store.published());
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers = { ...corsHeaders(verdict.origin), etag, 'cache-control': cacheControl, 'cross-origin-resource-policy': 'cross-origin' };
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  });
}
