import type { App, FeatureDeps } from '../app-env';
import { linkOrigin } from '../http/own-origin';
import { filterLinkContext } from './link-context';
import { signatureKey, type LinkSigner } from './link-signer';
import type { LinkStore } from './link-store';
import { orderKey } from './link-survey';
import { pickLinkLocale } from './link-texts';
import { shopStylesheet, shopStylesheetPath } from '../site-settings/shop-look';
import { isOrderAnswered } from './single-use';
import { createSiteSettingsStore } from '../site-settings/site-settings-store';
import { surveyNotFoundPage, surveyPage } from './survey-page';

/**
 * The public side of survey links, no sign-in: `GET /s/<id>` (the survey page: the SDK's inline
 * prompt, context from the link's allowed query parameters, `channel: 'link'`, `?lang=th|en`,
 * `?debug=1`; a single-use link without its order, whose fields are not signed (`sig`), or whose
 * order is answered, says so instead; a signed one passes its `sig` into the answer's context),
 * `GET /s/_/shop.css` (the shop's colour). The page loads the SDK from `/hearback.min.js`, the
 * script route every site uses.
 */
export function mountSurveyPage(app: App, { db, config }: Pick<FeatureDeps, 'db' | 'config'>, store: LinkStore, signer: LinkSigner) {
  const looks = createSiteSettingsStore(db);
  app.get(shopStylesheetPath, async (c) => c.body(shopStylesheet(await looks.look()), 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));

  app.get('/s/:survey', async (c) => {
    const url = new URL(c.req.url);
    const locale = pickLinkLocale(url.searchParams.get('lang'), c.var.lang);
    const [survey, look] = await Promise.all([store.get(c.req.param('survey')), looks.look()]);
    if (!survey) return c.html(surveyNotFoundPage(locale, look), 404, { 'cache-control': 'no-store' });
    const { context: fields, ignored } = filterLinkContext(url.searchParams, survey);
    const order = fields[orderKey];
    const sig = url.searchParams.get(signatureKey);
    const context = survey.singleUse && sig ? { ...fields, [signatureKey]: sig } : fields;
    const blocked = !survey.singleUse ? undefined
      : !order ? 'order-required' as const
      : (await signer.check(survey.id, context)) ? 'not-signed' as const
      : (await isOrderAnswered(db, survey.id, order)) ? 'already-counted' as const : undefined;
    const other = new URLSearchParams(url.searchParams);
    other.set('lang', locale === 'th' ? 'en' : 'th');
    const body = surveyPage({
      survey, locale, look, context, ignored, blocked,
      endpoint: `${linkOrigin(c, config)}/api/responses`,
      switchHref: `${url.pathname}?${other}`,
      debug: url.searchParams.has('debug'),
    });
    return c.html(body, blocked === 'order-required' || blocked === 'not-signed' ? 400 : 200, { 'cache-control': 'no-store' });
  });
}
