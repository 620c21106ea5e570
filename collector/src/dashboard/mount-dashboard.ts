import { html } from 'hono/html';
import type { App, FeatureDeps } from '../app-env';
import { perZone } from '../site-settings/per-zone';
import { requireUser } from '../auth/require-user';
import { problem } from '../http/problem';
import { createCaseStore } from '../inbox/case-store';
import { createCommentsQuery, decodeCursor } from './comments-query';
import { createDashboardQueries } from './dashboard-queries';
import { loadDashboardSummary } from './dashboard-summary';
import { mountExports } from './mount-exports';
import { requestFilters } from './request-filters';
import { createContextLabelStore } from '../context-labels/context-label-store';

const bands = ['detractor', 'passive', 'promoter'] as const;
const contextKey = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The dashboard (signed in): `GET /dashboard` and `GET /comments`, pages drawn by
 * `client/dashboard.tsx` and `client/comments.tsx`, and their APIs, all taking the same filters
 * (`range` 7d|30d|90d|quarter|all or `from`/`to`, `survey`, `type`, `language`, `context.<key>`):
 * - `GET /api/summary` (+ `by=<context key>` for a breakdown, `unit=week|month` for the trend):
 *   scores with 95% intervals, the change since the previous period, trend, breakdown, reason
 *   chips, context keys, the inbox's figures;
 * - `GET /api/themes`: comment themes among detractors and promoters, loaded after first paint;
 * - `GET /api/filters`: the surveys and the context keys (with top values) to filter by;
 * - `GET /api/comments` (+ `search`, `band`, `reason`, `cursor`, `limit` up to 100): every comment, paged;
 * - the exports (`mount-exports.ts`).
 */
export function mountDashboard(app: App, deps: FeatureDeps) {
  const { db, config, kit, nav, page } = deps;
  const kinds = kit.surveyKinds;
  // Made for the shop's zone as it is now (Settings → Site may change it).
  const zone = () => config.timezone;
  const queries = perZone(zone, (timeZone) => createDashboardQueries({ db, timeZone, kinds }));
  const comments = perZone(zone, (timeZone) => createCommentsQuery({ db, timeZone, kinds }));
  const cases = perZone(zone, (timeZone) => createCaseStore({ db, timeZone, kinds, now: deps.now }));

  nav.add({ href: '/dashboard', label: { en: 'Dashboard', th: 'แดชบอร์ด' }, order: 20 });
  nav.add({ href: '/comments', label: { en: 'Comments', th: 'ความคิดเห็น' }, order: 25 });

  const contextLabels = createContextLabelStore(db);
  // The owner's names for context keys and values travel with the page (`data-context-labels`).
  const view = (name: 'dashboard' | 'comments', title: { en: string; th: string }) =>
    app.get(`/${name}`, requireUser({ page: true }), async (c) =>
      page(c, {
        title: title[c.var.lang],
        scripts: [name],
        styles: ['dashboard'],
        main: html`<div id="app" class="dash-app" data-view="${name}" data-timezone="${config.timezone}" data-context-labels="${JSON.stringify(await contextLabels.labels())}"><p class="muted" role="status">${c.var.lang === 'th' ? 'กำลังโหลด…' : 'Loading…'}</p></div>`,
      }));
  view('dashboard', { en: 'Dashboard', th: 'แดชบอร์ด' });
  view('comments', { en: 'Comments', th: 'ความคิดเห็น' });
  app.get('/dashboard.html', (c) => c.redirect('/dashboard', 301));

  app.get('/api/summary', requireUser(), async (c) => {
    const parsed = requestFilters(c, deps);
    if (!parsed.ok) return problem(c, 400, parsed.problems);
    const problems: string[] = [];
    const by = parsed.params.get('by') || undefined;
    if (by && !contextKey.test(by)) problems.push(`by: ${JSON.stringify(by)} must be a context key of 1–64 letters, digits, "_", "." or "-"`);
    const unit = parsed.params.get('unit') || 'week';
    if (unit !== 'week' && unit !== 'month') problems.push(`unit: ${JSON.stringify(unit)} must be week or month`);
    if (problems.length) return problem(c, 400, problems);
    return c.json(await loadDashboardSummary(queries(), cases().figures, parsed.filters, { by, unit: unit as 'week' | 'month' }));
  });

  app.get('/api/themes', requireUser(), async (c) => {
    const parsed = requestFilters(c, deps);
    if (!parsed.ok) return problem(c, 400, parsed.problems);
    return c.json({ themes: await queries().themes(parsed.filters) });
  });

  app.get('/api/filters', requireUser(), async (c) => {
    const parsed = requestFilters(c, deps);
    if (!parsed.ok) return problem(c, 400, parsed.problems);
    const [surveys, contextKeys] = await Promise.all([queries().surveys(), queries().contextKeys(parsed.filters)]);
    return c.json({ surveys, contextKeys });
  });

  app.get('/api/comments', requireUser(), async (c) => {
    const parsed = requestFilters(c, deps);
    if (!parsed.ok) return problem(c, 400, parsed.problems);
    const { params } = parsed;
    const problems: string[] = [];
    const search = params.get('search')?.trim() || undefined;
    if (search && search.length > 200) problems.push('search: must be at most 200 characters');
    const band = params.get('band') || undefined;
    if (band && !(bands as readonly string[]).includes(band)) problems.push(`band: ${JSON.stringify(band)} must be detractor, passive or promoter`);
    const reason = params.get('reason') || undefined;
    if (reason && reason.length > 200) problems.push('reason: must be at most 200 characters');
    const cursor = params.get('cursor') || undefined;
    if (cursor && !decodeCursor(cursor)) problems.push('cursor: not one this API gave out; start again without it');
    const limit = Number(params.get('limit') ?? 25);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) problems.push(`limit: ${JSON.stringify(params.get('limit'))} must be a whole number from 1 to 100`);
    if (problems.length) return problem(c, 400, problems);
    return c.json(await comments()(parsed.filters, { search, band: band as (typeof bands)[number] | undefined, reason, cursor, limit }));
  });

  mountExports(app, deps);
}
