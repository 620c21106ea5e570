import type { Context } from 'hono';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { linkOrigin } from '../http/own-origin';
import type { LinkSigner } from '../links/link-signer';
import type { LinkStore } from '../links/link-store';
import type { SiteSettingsStore } from '../site-settings/site-settings-store';
import { linkTexts, pickLinkLocale, type LinkLocale } from '../links/link-texts';
import type { ShopLook } from '../site-settings/shop-look';
import { oneTapWords as words } from './one-tap-words';
import type { Recipient, RecipientStore } from './recipient-store';
import { addComment, recordTap, type TapDeps } from './tap-answer';
import { isTapLink, readTapLink, readUnsubscribeLink, scoresOf, unsubscribePath, type TapLink } from './tap-link';
import { followUpPage, tapNotice, tapPage, unsubscribePage } from './tap-page';
import { unsubscribe } from './unsubscribes';

type Ctx = Context<AppEnv>;
const noStore = { 'cache-control': 'no-store' };

/**
 * The customer's side of one-tap links (public, no sign-in):
 * - `GET /s/<id>?t=…&score=…&sig=…` (or `&via=sms` without a score): the question with the score
 *   chosen and a Confirm button; records nothing (scanners open every link). Other survey links
 *   go on to the survey page (`mount-survey-page.ts`).
 * - `POST /s/<id>/tap?<the same query>` (the form, field `score`): records the answer, then asks
 *   the optional "why"; `POST /s/<id>/comment` (`id`, `key`, `comment`) adds it.
 * - A link changed by hand: 400 "incomplete or changed"; a recipient who answered: "already counted".
 * - `GET|POST /s/_/unsubscribe?t=…&sig=…`: asks, then records the address (a POST without a
 *   page is RFC 8058's one-click unsubscribe, from the mail app's button).
 */
export function mountTapPages(app: App, { db, config, now }: Pick<FeatureDeps, 'db' | 'config' | 'now'>, { links, looks, signer, recipients, tap }: {
  links: LinkStore; looks: Pick<SiteSettingsStore, 'look'>; signer: LinkSigner; recipients: RecipientStore; tap: TapDeps;
}) {
  /** The survey, the checked link and its recipient, or the page that says why not. */
  const open = async (c: Ctx): Promise<{ response: Response | Promise<Response> } | { survey: NonNullable<Awaited<ReturnType<LinkStore['get']>>>; link: TapLink; recipient: Recipient; look: ShopLook; locale: LinkLocale; url: URL }> => {
    const url = new URL(c.req.url);
    const [survey, look] = await Promise.all([links.get(c.req.param('survey') ?? ''), looks.look()]);
    const asked = url.searchParams.get('lang');
    if (!survey) return { response: c.html(tapNotice({ locale: pickLinkLocale(asked, c.var.lang), look, text: linkTexts[pickLinkLocale(asked, c.var.lang)].notFound }), 404, noStore) };
    const link = await readTapLink(signer, survey, url.searchParams);
    const recipient = link ? await recipients.get(link.recipientId) : undefined;
    const locale = pickLinkLocale(asked, recipient?.locale ?? c.var.lang);
    if (!link || !recipient || recipient.surveyId !== survey.id) return { response: c.html(tapNotice({ locale, look, text: words.changed[locale] }), 400, noStore) };
    if (recipient.answerId) return { response: c.html(tapNotice({ locale, look, text: words.alreadyCounted[locale] }), 200, noStore) };
    return { survey, link, recipient, look, locale, url };
  };
  const switchHref = (url: URL, locale: LinkLocale) => {
    const other = new URLSearchParams(url.searchParams);
    other.set('lang', locale === 'th' ? 'en' : 'th');
    return `${url.pathname}?${other}`;
  };

  app.get('/s/:survey', async (c, next) => {
    if (!isTapLink(new URL(c.req.url).searchParams)) return next();
    const opened = await open(c);
    if ('response' in opened) return opened.response;
    const { survey, link, look, locale, url } = opened;
    return c.html(tapPage({ survey, locale, look, score: link.score, action: `${url.pathname}/tap${url.search}`, switchHref: switchHref(url, locale) }), 200, noStore);
  });

  app.post('/s/:survey/tap', async (c) => {
    const opened = await open(c);
    if ('response' in opened) return opened.response;
    const { survey, link, recipient, look, locale, url } = opened;
    const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const score = typeof body.score === 'string' && /^\d{1,2}$/.test(body.score) ? Number(body.score) : NaN;
    if (!scoresOf(survey.type).includes(score)) {
      return c.html(tapPage({ survey, locale, look, score: link.score, action: `${url.pathname}${url.search}`, noScore: true }), 400, noStore);
    }
    const result = await recordTap(tap, { survey, recipient, score, via: link.via, locale, url: `${linkOrigin(c, config)}/s/${survey.id}` });
    if (result.kind === 'already-counted') return c.html(tapNotice({ locale, look, text: words.alreadyCounted[locale] }), 200, noStore);
    if (result.kind === 'refused') return c.html(tapNotice({ locale, look, text: words.changed[locale] }), 400, noStore);
    const action = `/s/${survey.id}/comment?lang=${locale}`;
    return c.html(followUpPage({ locale, look, score, action, id: result.id, key: result.key }), 200, noStore);
  });

  app.post('/s/:survey/comment', async (c) => {
    const look = await looks.look();
    const locale = pickLinkLocale(c.req.query('lang'), c.var.lang);
    const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const comment = field('comment').trim();
    if (comment) {
      const result = await addComment(tap, db, { id: field('id'), key: field('key'), comment });
      if (result.kind === 'refused') return c.html(tapNotice({ locale, look, text: words.changed[locale] }), 400, noStore);
    }
    return c.html(tapNotice({ locale, look, text: words.thanks[locale] }), 200, noStore);
  });

  /** The recipient of a signed unsubscribe link and their address, or the page that says the link is off. */
  const unsubscriber = async (c: Ctx) => {
    const look = await looks.look();
    const id = await readUnsubscribeLink(signer, new URL(c.req.url).searchParams);
    const recipient = id ? await recipients.get(id) : undefined;
    const locale = pickLinkLocale(c.req.query('lang'), recipient?.locale ?? c.var.lang);
    return { look, locale, email: recipient?.email ?? undefined };
  };
  app.get(unsubscribePath, async (c) => {
    const { look, locale, email } = await unsubscriber(c);
    if (!email) return c.html(tapNotice({ locale, look, text: words.changed[locale] }), 400, noStore);
    return c.html(unsubscribePage({ locale, look, email, action: `${unsubscribePath}${new URL(c.req.url).search}` }), 200, noStore);
  });
  app.post(unsubscribePath, async (c) => {
    const { look, locale, email } = await unsubscriber(c);
    if (!email) return c.html(tapNotice({ locale, look, text: words.changed[locale] }), 400, noStore);
    await unsubscribe(db, email, now());
    return c.html(unsubscribePage({ locale, look, email }), 200, noStore);
  });
}
