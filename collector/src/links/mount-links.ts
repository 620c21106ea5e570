import type { Context } from 'hono';
import type { App, FeatureDeps } from '../app-env';
import { formFields } from '../http/form-fields';
import { ownOrigin } from '../http/own-origin';
import { problem } from '../http/problem';
import { requireUser } from '../auth/require-user';
import type { RenderPage } from '../shell/page';
import { linkBuilderPage } from './link-builder-page';
import { checkContextValue, filterLinkContext } from './link-context';
import { createLinkStore } from './link-store';
import { allowedLinkKeys, orderKey, type LinkSurvey } from './link-survey';
import { toLinkLocale, type LinkLocale } from './link-texts';
import { surveyLink } from './link-url';
import { linksPage } from './links-page';
import { linksWords } from './links-words';
import { printPage, printPageScript, printSizes, printStyles, type PrintKind } from './print-page';
import { qrPng, qrSvg } from './qr-code';
import { shopStylesheet } from './shop-look';
import { isOrderAnswered } from './single-use';
import { singleUseHook } from './single-use-hook';
import { parseLookForm, parseSurveyForm, surveyFormFromFields } from './survey-form';
import { surveyNotFoundPage, surveyPage } from './survey-page';
import { surveyPageStyles } from './survey-page-styles';

const css = { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' };
const js = { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' };

/**
 * Survey links: the public survey page `/s/<id>` (no sign-in; the SDK's inline prompt; context from
 * the link's allowed query parameters; `channel: 'link'`), the owner's pages under `/links` (the
 * surveys, the link with its fields, the QR code as SVG and PNG, the A5 poster and A6 table tent),
 * and the single-use rule in the transaction that stores each answer.
 */
export function mountLinks(app: App, deps: FeatureDeps, { page }: { page: RenderPage }) {
  const store = createLinkStore(deps.db);
  deps.answerHooks.onAnswerStored(singleUseHook);
  deps.nav.add({ href: '/links', label: linksWords.nav, order: 30 });
  const publicUrl = (c: Context) => ownOrigin(c, deps.config);

  // --- public: the survey page and its files ---------------------------------------------------
  app.get('/s/_/survey.css', (c) => c.body(surveyPageStyles, 200, css));
  app.get('/s/_/shop.css', async (c) => c.body(shopStylesheet(await store.look()), 200, css));

  app.get('/s/:survey', async (c) => {
    const url = new URL(c.req.url);
    const chosen = url.searchParams.get('lang');
    const locale: LinkLocale = chosen === 'th' || chosen === 'en' ? chosen : toLinkLocale(c.var.lang);
    const [survey, look] = await Promise.all([store.get(c.req.param('survey')), store.look()]);
    if (!survey) return c.html(surveyNotFoundPage(locale, look), 404);
    const { context, ignored } = filterLinkContext(url.searchParams, survey);
    const order = context[orderKey];
    const blocked = !survey.singleUse ? undefined : !order ? 'order-required' : (await isOrderAnswered(deps.db, survey.id, order)) ? 'already-counted' : undefined;
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

  // --- signed in: the owner's pages --------------------------------------------------------------
  const signedIn = requireUser({ page: true });
  const ownerOnly = requireUser({ page: true, role: 'owner' });
  const lang = (c: Context<Parameters<typeof signedIn>[0] extends Context<infer E> ? E : never>) => toLinkLocale(c.var.lang);
  const isOwner = (c: Context) => (c.get('user') as { role: string }).role === 'owner';

  app.get('/links/_/print-a5.css', (c) => c.body(printStyles('A5'), 200, css));
  app.get('/links/_/print-a6.css', (c) => c.body(printStyles('A6'), 200, css));
  app.get('/links/_/print-page.js', (c) => c.body(printPageScript, 200, js));

  const showList = async (c: Context, extra: Partial<Parameters<typeof linksPage>[0]> = {}, status: 200 | 400 = 200) => {
    const [surveys, look] = await Promise.all([store.list(), store.look()]);
    return page(c as never, {
      title: linksWords.title[lang(c as never)],
      styles: ['links'],
      status,
      main: linksPage({ lang: lang(c as never), surveys, look, isOwner: isOwner(c), saved: new URL(c.req.url).searchParams.has('saved'), ...extra }),
    });
  };
  app.get('/links', signedIn, (c) => showList(c));

  app.post('/links/surveys', ownerOnly, async (c) => {
    const { fields, json } = await formFields(c);
    const values = surveyFormFromFields(fields);
    const parsed = parseSurveyForm(values);
    if ('problems' in parsed) {
      if (json) return problem(c, 400, parsed.problems);
      const existing = values.id ? await store.get(values.id) : undefined;
      if (existing) return showBuilder(c, existing, { edit: { values, problems: parsed.problems } }, 400);
      return showList(c, { draft: { values, problems: parsed.problems } }, 400);
    }
    await store.save(parsed.survey);
    return json ? c.json({ survey: parsed.survey }, 200) : c.redirect(`/links/${parsed.survey.id}?saved`, 303);
  });

  app.post('/links/surveys/:id/delete', ownerOnly, async (c) => {
    const removed = await store.remove(c.req.param('id'));
    if (!removed) return problem(c, 404, `no link survey "${c.req.param('id')}"`);
    return c.redirect('/links?saved', 303);
  });

  app.post('/links/look', ownerOnly, async (c) => {
    const { fields, json } = await formFields(c);
    const parsed = parseLookForm(fields);
    if ('problems' in parsed) return json ? problem(c, 400, parsed.problems) : showList(c, { lookProblems: parsed.problems }, 400);
    await store.saveLook(parsed.look);
    return json ? c.json({ look: parsed.look }, 200) : c.redirect('/links?saved', 303);
  });

  /** The survey, its valid link fields from the query, and the link they make. */
  const linkFor = async (c: Context) => {
    const survey = await store.get(c.req.param('id') ?? '');
    if (!survey) return undefined;
    const params = new URL(c.req.url).searchParams;
    const fields: Record<string, string> = {};
    const valid: Record<string, string> = {};
    const badFields: string[] = [];
    for (const key of allowedLinkKeys(survey)) {
      const value = (params.get(key) ?? '').normalize('NFC').trim();
      fields[key] = value;
      if (value === '') continue;
      if (checkContextValue(value)) badFields.push(key);
      else valid[key] = value;
    }
    const query = new URLSearchParams(valid).toString();
    return { survey, fields, valid, badFields, query: query ? `?${query}` : '', link: surveyLink(publicUrl(c), survey.id, valid) };
  };
  const notFound = (c: Context) => page(c as never, { title: linksWords.notFound[lang(c as never)], status: 404, main: linksWords.notFound[lang(c as never)] as never });

  const showBuilder = async (c: Context, survey: LinkSurvey, extra: Partial<Parameters<typeof linkBuilderPage>[0]> = {}, status: 200 | 400 = 200) => {
    const link = (await linkFor(c))!;
    return page(c as never, {
      title: `${linksWords.linkFor[lang(c as never)]}: ${survey.id}`,
      styles: ['links'],
      status: link.badFields.length ? 400 : status,
      main: linkBuilderPage({
        lang: lang(c as never), survey, fields: link.fields, badFields: link.badFields, link: link.link, query: link.query,
        isOwner: isOwner(c), saved: new URL(c.req.url).searchParams.has('saved'), ...extra,
      }),
    });
  };
  app.get('/links/:id', signedIn, async (c) => {
    const survey = await store.get(c.req.param('id'));
    return survey ? showBuilder(c, survey) : notFound(c);
  });

  app.get('/links/:id/qr.svg', signedIn, async (c) => {
    const link = await linkFor(c);
    if (!link) return notFound(c);
    const download = c.req.query('download') !== undefined ? { 'content-disposition': `attachment; filename="${link.survey.id}-qr.svg"` } : {};
    return c.body(await qrSvg(link.link), 200, { 'content-type': 'image/svg+xml', ...download });
  });
  app.get('/links/:id/qr.png', signedIn, async (c) => {
    const link = await linkFor(c);
    if (!link) return notFound(c);
    const download = c.req.query('download') !== undefined ? { 'content-disposition': `attachment; filename="${link.survey.id}-qr.png"` } : {};
    return c.body(new Uint8Array(await qrPng(link.link)), 200, { 'content-type': 'image/png', ...download });
  });

  for (const kind of Object.keys(printSizes) as PrintKind[]) {
    app.get(`/links/:id/${kind}`, signedIn, async (c) => {
      const link = await linkFor(c);
      if (!link) return notFound(c);
      const chosen = c.req.query('lang');
      const locale: LinkLocale = chosen === 'th' || chosen === 'en' ? chosen : lang(c);
      return c.html(printPage({ kind, locale, look: await store.look(), link: link.link, qrSvg: await qrSvg(link.link), surveyTitle: link.survey.id }));
    });
  }
}

