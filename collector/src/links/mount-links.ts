import type { Context } from 'hono';
import { html } from 'hono/html';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { formFields } from '../http/form-fields';
import { linkOrigin } from '../http/own-origin';
import { problem } from '../http/problem';
import { problemLines } from '../shell/field-problems';
import { channelEnricher } from './channel';
import { linkBuilderPage, type LinkBuilderInput } from './link-builder-page';
import { linkFields } from './link-fields';
import { createLinkSigner } from './link-signer';
import { signedSurveyLink } from './make-link';
import { mountLinkApi } from './mount-link-api';
import { mountSurveyPage } from './mount-survey-page';
import { createLinkStore } from './link-store';
import { createSiteSettingsStore } from '../site-settings/site-settings-store';
import { allowedLinkKeys, type LinkSurvey } from './link-survey';
import { pickLinkLocale } from './link-texts';
import { deleteSurveyPage, linksPage, type LinksPageInput } from './links-page';
import { linksWords as words } from './links-words';
import { printPage, printSizes, type PrintKind } from './print-page';
import { qrPng, qrSvg } from './qr-code';
import { createSingleUseHook } from './single-use-hook';
import { idTaken, parseLookForm, parseSurveyForm, surveyFormFromFields } from './survey-form';

type Ctx = Context<AppEnv>;


/**
 * Survey links.
 * - Public: the survey page `/s/<id>` and its files (`mount-survey-page.ts`).
 * - Signed in: `GET /links` (the surveys), `GET /links/<id>?<fields>` (the link, its QR code,
 *   downloads, printables), `/links/<id>/qr.svg|qr.png[?download=1]`, `/links/<id>/poster|tent?lang=`.
 * - Owner: `POST /links/surveys` (create or change), `GET /links/<id>/delete` (what deleting
 *   does, and the button) and `POST /links/surveys/<id>/delete`,
 *   `POST /links/look` (shop name and colour) — forms, or JSON with the same fields.
 * - Owner or API token: `POST /api/links` (`mount-link-api.ts`): a link made by automation.
 * - A single-use survey's links are signed (`sig`, `link-signer.ts`) wherever they are made: the
 *   link page, its QR codes and printables, the API and `hearback-collector link`.
 * - In the transaction that stores an answer: the single-use rule (400 for an answer whose link
 *   fields are not signed, 409 for a second answer to the same survey and order).
 */
export function mountLinks(app: App, { db, config, answerHooks, nav, page }: FeatureDeps) {
  const store = createLinkStore(db);
  // The shop's name and colour are the site settings' (Settings → Site); the links page edits them too.
  const looks = createSiteSettingsStore(db);
  const signer = createLinkSigner(db);
  const singleUse = createSingleUseHook(signer);
  answerHooks.onAnswerStored(singleUse.hook, { precheck: singleUse.precheck });
  answerHooks.enrichContext(channelEnricher(config.publicUrl));
  nav.add({ href: '/links', label: words.nav, order: 30 });
  const publicUrl = (c: Ctx) => linkOrigin(c, config);

  mountSurveyPage(app, { db, config }, store, signer);
  mountLinkApi(app, { store, signer, publicUrl });

  // --- signed in: the owner's pages ----------------------------------------------------------------
  const signedIn = requireUser({ page: true });
  const ownerOnly = requireUser({ page: true, role: 'owner' });
  const isOwner = (c: Ctx) => c.var.user.role === 'owner';
  const saved = (c: Ctx) => c.req.query('saved') !== undefined;

  const showList = async (c: Ctx, extra: Partial<LinksPageInput> = {}, status: 200 | 400 = 200) => {
    const [surveys, look] = await Promise.all([store.list(), looks.look()]);
    return page(c, {
      title: words.title[c.var.lang], styles: ['links'], status,
      main: linksPage({ lang: c.var.lang, surveys, look, isOwner: isOwner(c), saved: saved(c), ...extra }),
    });
  };

  /** A survey's link fields from the request's query, and the link they make (signed when single-use). */
  const linkOf = async (c: Ctx, survey: LinkSurvey) => {
    const fields = linkFields(new URL(c.req.url).searchParams, allowedLinkKeys(survey));
    return { survey, ...fields, link: (await signedSurveyLink(signer, publicUrl(c), survey, fields.valid)).url };
  };
  /** The same for the survey named in the path, or undefined when there is none. */
  const linkFor = async (c: Ctx) => {
    const survey = await store.get(c.req.param('id') ?? '');
    return survey && linkOf(c, survey);
  };
  const notFound = (c: Ctx) => page(c, { title: words.notFound[c.var.lang], status: 404, main: html`<p>${words.notFound[c.var.lang]}</p>` });

  const showBuilder = async (c: Ctx, survey: LinkSurvey, extra: Partial<LinkBuilderInput> = {}, status: 200 | 400 = 200) => {
    const link = await linkOf(c, survey);
    return page(c, {
      title: `${words.linkFor[c.var.lang]}: ${survey.id}`, styles: ['links'], scripts: ['links'],
      status: link.badFields.length ? 400 : status,
      main: linkBuilderPage({
        lang: c.var.lang, survey, fields: link.fields, badFields: link.badFields, link: link.link, query: link.query, publicUrl: publicUrl(c),
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
      const clash = [idTaken(values.id)];
      return json ? problem(c, 409, problemLines(clash, c.var.lang)) : showList(c, { draft: { values, problems: clash } }, 400);
    }
    if ('problems' in parsed) {
      if (json) return problem(c, 400, problemLines(parsed.problems, c.var.lang));
      if (editing && existing) return showBuilder(c, existing, { edit: { values, problems: parsed.problems } }, 400);
      return showList(c, { draft: { values, problems: parsed.problems } }, 400);
    }
    await store.save(parsed.survey);
    return json ? c.json({ survey: parsed.survey }, 200) : c.redirect(`/links/${parsed.survey.id}?saved`, 303);
  });

  app.get('/links/:id/delete', ownerOnly, async (c) => {
    const survey = await store.get(c.req.param('id'));
    if (!survey) return notFound(c);
    return page(c, { title: `${words.removeTitle[c.var.lang]} ${survey.id}`, styles: ['links'], main: deleteSurveyPage(c.var.lang, survey) });
  });

  app.post('/links/surveys/:id/delete', ownerOnly, async (c) => {
    if (!(await store.remove(c.req.param('id')))) return problem(c, 404, `no link survey "${c.req.param('id')}"`);
    return c.redirect('/links?saved', 303);
  });

  app.post('/links/look', ownerOnly, async (c) => {
    const { fields, json } = await formFields(c);
    const parsed = parseLookForm(fields);
    if ('problems' in parsed) return json ? problem(c, 400, problemLines(parsed.problems, c.var.lang)) : showList(c, { lookProblems: parsed.problems }, 400);
    await looks.save(parsed.look, c.var.user.email);
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
      const [look, svg] = await Promise.all([looks.look(), qrSvg(link.link)]);
      const locale = pickLinkLocale(c.req.query('lang'), c.var.lang);
      return c.html(printPage({ kind, locale, look, link: link.link, qrSvg: svg, surveyTitle: link.survey.id }));
    });
  }
}
