import { readFile } from 'node:fs/promises';
import type { Context } from 'hono';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { formFields } from '../http/form-fields';
import { ownOrigin } from '../http/own-origin';
import { problem } from '../http/problem';
import { packageDir } from '../package-dir';
import { channelHook } from './channel';
import { linkBuilderPage, type LinkBuilderInput } from './link-builder-page';
import { filterLinkContext } from './link-context';
import { linkFields } from './link-fields';
import { createLinkStore } from './link-store';
import { orderKey, type LinkSurvey } from './link-survey';
import type { LinkLocale } from './link-texts';
import { surveyLink } from './link-url';
import { linksPage, type LinksPageInput } from './links-page';
import { linksWords as words } from './links-words';
import { printPage, printSizes, type PrintKind } from './print-page';
import { qrPng, qrSvg } from './qr-code';
import { shopStylesheet, shopStylesheetPath } from './shop-look';
import { isOrderAnswered } from './single-use';
import { singleUseHook } from './single-use-hook';
import { parseLookForm, parseSurveyForm, surveyFormFromFields } from './survey-form';
import { surveyNotFoundPage, surveyPage, surveyPageSdkPath } from './survey-page';

type Ctx = Context<AppEnv>;

/** The SDK's script-tag bundle as `npm run build` writes it at the repository's top. */
const sdkBundle = `${packageDir}../dist/hearback.min.js`;

const pickLocale = (value: string | undefined, fallback: LinkLocale): LinkLocale => (value === 'th' || value === 'en' ? value : fallback);

/**
 * Survey links.
 * - Public: `GET /s/<id>` (the survey page: the SDK's inline prompt, context from the link's
 *   allowed query parameters, `channel: 'link'`, `?lang=th|en`, `?debug=1`), `GET /s/_/shop.css`
 *   (the shop's colour), `GET /s/_/hearback.min.js` (the SDK bundle the page loads).
 * - Signed in: `GET /links` (the surveys), `GET /links/<id>?<fields>` (the link, its QR code,
 *   downloads, printables), `/links/<id>/qr.svg|qr.png[?download=1]`, `/links/<id>/poster|tent?lang=`.
 * - Owner: `POST /links/surveys` (create or change), `POST /links/surveys/<id>/delete`,
 *   `POST /links/look` (shop name and colour) — forms, or JSON with the same fields.
 * - In the transaction that stores an answer: the single-use rule (409 for a second answer to
 *   the same survey and order).
 */
export function mountLinks(app: App, { db, config, answerHooks, nav, page }: FeatureDeps) {
  const store = createLinkStore(db);
  answerHooks.onAnswerStored(singleUseHook);
  answerHooks.onAnswerStored(channelHook(config.publicUrl));
  nav.add({ href: '/links', label: words.nav, order: 30 });
  const publicUrl = (c: Ctx) => ownOrigin(c, config);

  // --- public: the survey page ---------------------------------------------------------------------
  app.get(shopStylesheetPath, async (c) => c.body(shopStylesheet(await store.look()), 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));

  app.get(surveyPageSdkPath, async (c) => {
    const body = await readFile(sdkBundle).catch(() => undefined);
    if (!body) return problem(c, 503, `the widget script is not built: no ${sdkBundle} (run npm run build in the repository)`);
    return c.body(new Uint8Array(body), 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
  });

  app.get('/s/:survey', async (c) => {
    const url = new URL(c.req.url);
    const locale = pickLocale(url.searchParams.get('lang') ?? undefined, c.var.lang);
    const [survey, look] = await Promise.all([store.get(c.req.param('survey')), store.look()]);
    if (!survey) return c.html(surveyNotFoundPage(locale, look), 404, { 'cache-control': 'no-store' });
    const { context, ignored } = filterLinkContext(url.searchParams, survey);
    const order = context[orderKey];
    const blocked = !survey.singleUse ? undefined
      : !order ? 'order-required' as const
      : (await isOrderAnswered(db, survey.id, order)) ? 'already-counted' as const : undefined;
    const other = new URLSearchParams(url.searchParams);
    other.set('lang', locale === 'th' ? 'en' : 'th');
    const body = surveyPage({
      survey, locale, look, context, ignored, blocked,
      endpoint: `${publicUrl(c)}/api/responses`,
      switchHref: `${url.pathname}?${other}`,
      debug: url.searchParams.has('debug'),
    });
    return c.html(body, blocked === 'order-required' ? 400 : 200, { 'cache-control': 'no-store' });
  });

  // --- signed in: the owner's pages ----------------------------------------------------------------
  const signedIn = requireUser({ page: true });
  const ownerOnly = requireUser({ page: true, role: 'owner' });
  const isOwner = (c: Ctx) => c.var.user.role === 'owner';
  const saved = (c: Ctx) => c.req.query('saved') !== undefined;

  const showList = async (c: Ctx, extra: Partial<LinksPageInput> = {}, status: 200 | 400 = 200) => {
    const [surveys, look] = await Promise.all([store.list(), store.look()]);
    return page(c, {
      title: words.title[c.var.lang], styles: ['links'], status,
      main: linksPage({ lang: c.var.lang, surveys, look, isOwner: isOwner(c), saved: saved(c), ...extra }),
    });
  };

  /** The survey named in the path, its link fields from the query, and the link they make. */
  const linkFor = async (c: Ctx) => {
    const survey = await store.get(c.req.param('id') ?? '');
    if (!survey) return undefined;
    const fields = linkFields(new URL(c.req.url).searchParams, survey);
    return { survey, ...fields, link: surveyLink(publicUrl(c), survey.id, fields.valid) };
  };
  const notFound = (c: Ctx) => page(c, { title: words.notFound[c.var.lang], status: 404, main: words.notFound[c.var.lang] as never });

  const showBuilder = async (c: Ctx, survey: LinkSurvey, extra: Partial<LinkBuilderInput> = {}, status: 200 | 400 = 200) => {
    const link = (await linkFor(c)) ?? { ...linkFields(new URLSearchParams(), survey), link: surveyLink(publicUrl(c), survey.id) };
    return page(c, {
      title: `${words.linkFor[c.var.lang]}: ${survey.id}`, styles: ['links'], scripts: ['links'],
      status: link.badFields.length ? 400 : status,
      main: linkBuilderPage({
        lang: c.var.lang, survey, fields: link.fields, badFields: link.badFields, link: link.link, query: link.query,
        isOwner: isOwner(c), saved: saved(c), ...extra,
      }),
    });
  };

  app.get('/links', signedIn, (c) => showList(c));

  app.post('/links/surveys', ownerOnly, async (c) => {
    const { fields, json } = await formFields(c);
    const values = surveyFormFromFields(fields);
    const editing = fields.existing === 'on' || fields.existing === 'true';
    const existing = values.id ? await store.get(values.id) : undefined;
    const parsed = parseSurveyForm(values);
    // A new survey never silently replaces one whose links may already be printed.
    if (!editing && existing && 'survey' in parsed) {
      const clash = [`id: a survey "${values.id}" already exists; change it on its own page (/links/${values.id}) or pick another id`];
      return json ? problem(c, 409, clash) : showList(c, { draft: { values, problems: clash } }, 400);
    }
    if ('problems' in parsed) {
      if (json) return problem(c, 400, parsed.problems);
      if (editing && existing) return showBuilder(c, existing, { edit: { values, problems: parsed.problems } }, 400);
      return showList(c, { draft: { values, problems: parsed.problems } }, 400);
    }
    await store.save(parsed.survey);
    return json ? c.json({ survey: parsed.survey }, 200) : c.redirect(`/links/${parsed.survey.id}?saved`, 303);
  });

  app.post('/links/surveys/:id/delete', ownerOnly, async (c) => {
    if (!(await store.remove(c.req.param('id')))) return problem(c, 404, `no link survey "${c.req.param('id')}"`);
    return c.redirect('/links?saved', 303);
  });

  app.post('/links/look', ownerOnly, async (c) => {
    const { fields, json } = await formFields(c);
    const parsed = parseLookForm(fields);
    if ('problems' in parsed) return json ? problem(c, 400, parsed.problems) : showList(c, { lookProblems: parsed.problems }, 400);
    await store.saveLook(parsed.look);
    return json ? c.json({ look: parsed.look }, 200) : c.redirect('/links?saved', 303);
  });

  app.get('/links/:id', signedIn, async (c) => {
    const survey = await store.get(c.req.param('id'));
    return survey ? showBuilder(c, survey) : notFound(c);
  });

  const attachment = (c: Ctx, name: string): Record<string, string> =>
    c.req.query('download') !== undefined ? { 'content-disposition': `attachment; filename="${name}"` } : {};

  app.get('/links/:id/qr.svg', signedIn, async (c) => {
    const link = await linkFor(c);
    if (!link) return notFound(c);
    return c.body(await qrSvg(link.link), 200, { 'content-type': 'image/svg+xml', ...attachment(c, `${link.survey.id}-qr.svg`) });
  });

  app.get('/links/:id/qr.png', signedIn, async (c) => {
    const link = await linkFor(c);
    if (!link) return notFound(c);
    return c.body(new Uint8Array(await qrPng(link.link)), 200, { 'content-type': 'image/png', ...attachment(c, `${link.survey.id}-qr.png`) });
  });

  for (const kind of Object.keys(printSizes) as PrintKind[]) {
    app.get(`/links/:id/${kind}`, signedIn, async (c) => {
      const link = await linkFor(c);
      if (!link) return notFound(c);
      const [look, svg] = await Promise.all([store.look(), qrSvg(link.link)]);
      const locale = pickLocale(c.req.query('lang'), c.var.lang);
      return c.html(printPage({ kind, locale, look, link: link.link, qrSvg: svg, surveyTitle: link.survey.id }));
    });
  }
}
