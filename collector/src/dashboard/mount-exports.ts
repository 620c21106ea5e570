import { perZone } from '../site-settings/per-zone';
import type { Context } from 'hono';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { problem } from '../http/problem';
import { exportToCsv } from './export-csv';
import { createExportQuery, type ExportResult } from './export-query';
import { requestFilters } from './request-filters';

/** The most answers one export holds; narrow the dates or filters for the rest. */
export const EXPORT_LIMIT = 100_000;

/** Says in headers whether an export was cut, for both formats. */
const cutHeaders = ({ truncated, total, limit }: ExportResult) => ({
  'x-hearback-truncated': String(truncated),
  'x-hearback-total': String(total),
  'x-hearback-limit': String(limit),
});

/**
 * `GET /api/responses.json` and `/api/responses.csv` (signed in or API token): the answers in the
 * dashboard's filters (dates in the shop's time zone, survey, type, language, `context.<key>`),
 * newest first, at most `limit` (default and maximum 100,000). A cut export says so, never
 * silently: `X-Hearback-Truncated: true` with `X-Hearback-Total`, plus `truncated` and `total` in
 * the JSON and a last `# truncated: …` line in the CSV.
 */
export function mountExports(app: App, deps: FeatureDeps) {
  const exportAnswers = perZone(() => deps.config.timezone, (timeZone) => createExportQuery({ db: deps.db, timeZone, kinds: deps.kit.surveyKinds }));

  const run = async (c: Context<AppEnv>) => {
    const parsed = requestFilters(c, deps);
    if (!parsed.ok) return { problems: parsed.problems };
    const limitParam = parsed.params.get('limit');
    const limit = limitParam === null ? EXPORT_LIMIT : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > EXPORT_LIMIT) return { problems: [`limit: ${JSON.stringify(limitParam)} must be a whole number from 1 to ${EXPORT_LIMIT}`] };
    return { result: await exportAnswers()(parsed.filters, limit) };
  };

  app.get('/api/responses.json', requireUser(), async (c) => {
    const { problems, result } = await run(c);
    if (!result) return problem(c, 400, problems);
    return c.json({ responses: result.records, truncated: result.truncated, total: result.total, limit: result.limit }, 200, cutHeaders(result));
  });

  app.get('/api/responses.csv', requireUser(), async (c) => {
    const { problems, result } = await run(c);
    if (!result) return problem(c, 400, problems);
    return c.body(exportToCsv(result), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="hearback-responses.csv"',
      ...cutHeaders(result),
    });
  });
}
