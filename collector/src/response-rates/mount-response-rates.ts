import type { Context } from 'hono';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { createContextLabelStore } from '../context-labels/context-label-store';
import { keyName, valueName } from '../context-labels/context-labels';
import { addDays, localDate } from '../dashboard/local-date';
import { problem } from '../http/problem';
import { periodChoices, ratesPage } from './rates-page';
import { ratesText as t } from './rates-text';
import { createResponseRates } from './response-rates';

const contextKey = /^[\w.-]{1,64}$/;

/**
 * Response rates (signed in): `GET /response-rates` (the view) and `GET /api/response-rates`
 * (`{ period, rows, live }`), both with `days` (7, 30 or 90; default 30), `survey` and `by` (a
 * context key): per survey and channel (and value of `by`), prompts shown → answered → commented,
 * and how many left at the score and at the follow-up; and the surveys live on the website with
 * their last answer and response rate.
 * `published` (optional) lists the surveys the app publishes (the survey editor's `GET
 * /api/surveys.json`), so they are listed live before a page reports them.
 */
export function mountResponseRates(app: App, { db, config, nav, page, now }: FeatureDeps, { published }: { published?: () => Promise<string[]> } = {}) {
  const rates = createResponseRates({ db, timeZone: () => config.timezone, published });
  const contextLabels = createContextLabelStore(db);
  nav.add({ href: '/response-rates', label: t.title, order: 22 });

  const read = async (c: Context<AppEnv>) => {
    const problems: string[] = [];
    const daysParam = c.req.query('days') || '30';
    const days = Number(daysParam);
    if (!(periodChoices as readonly number[]).includes(days)) problems.push(`days: ${JSON.stringify(daysParam)} must be one of ${periodChoices.join(', ')}`);
    const survey = c.req.query('survey') || undefined;
    if (survey && survey.length > 64) problems.push('survey: must be a survey id of at most 64 characters');
    const by = c.req.query('by') || undefined;
    if (by && !contextKey.test(by)) problems.push(`by: ${JSON.stringify(by)} must be a context key of 1–64 letters, digits, "_", "." or "-"`);
    if (problems.length) return { problems };
    const to = localDate(now(), config.timezone);
    const period = { from: addDays(to, -(days - 1)), to };
    const [rows, live, keys] = await Promise.all([rates.rates(period, { survey, by }), rates.live(period), rates.keys(period)]);
    return { result: { period, days, survey, by, rows, live, keys } };
  };

  app.get('/api/response-rates', requireUser(), async (c) => {
    const { problems, result } = await read(c);
    if (!result) return problem(c, 400, problems);
    const { period, rows, live } = result;
    return c.json({ period, rows, live });
  });

  app.get('/response-rates', requireUser({ page: true }), async (c) => {
    const { problems, result } = await read(c);
    if (!result) return problem(c, 400, problems);
    const labels = await contextLabels.labels();
    const surveys = [...new Set([...result.live.map((item) => item.survey), ...result.rows.map((row) => row.survey), ...(result.survey ? [result.survey] : [])])].sort();
    const keys = result.by && !result.keys.includes(result.by) ? [...result.keys, result.by] : result.keys;
    return page(c, {
      title: t.title[c.var.lang], styles: ['rates'],
      main: ratesPage({
        lang: c.var.lang, rows: result.rows, live: result.live, days: result.days, survey: result.survey, by: result.by, surveys, keys, timeZone: config.timezone,
        labels: { key: (key, lang) => keyName(labels, lang, key), value: (key, value, lang) => valueName(labels, lang, key, value) },
      }),
    });
  });
}
