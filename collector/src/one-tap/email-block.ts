import { html, raw } from 'hono/html';
import { surveyTypeRegistry } from 'hearback/receiver';
import { fill } from '../shell/lang';
import type { LinkLocale } from '../links/link-texts';
import type { LinkSurvey } from '../links/link-survey';
import { textOn, type ShopLook } from '../site-settings/shop-look';
import { oneTapWords as words } from './one-tap-words';
import type { RecipientLinks } from './tap-link';

const font = 'font-family:Arial,Helvetica,sans-serif';

/** The survey's question in `locale`: the owner's wording, else the built-in one for its type. */
export function questionOf(survey: Pick<LinkSurvey, 'type' | 'question'>, locale: LinkLocale): string {
  return survey.question[locale] || surveyTypeRegistry[survey.type].wording.question[locale];
}

/** The words at both ends of the scale ("Not at all likely" … "Extremely likely"). */
export function anchorsOf(type: LinkSurvey['type'], locale: LinkLocale): [string, string] {
  const { wording } = surveyTypeRegistry[type];
  return [wording.low[locale], wording.high[locale]];
}

/**
 * The score buttons for an email, as mail clients render them: a table (Outlook's Word engine
 * lays out nothing else reliably), every style inline on the element (Gmail strips `<style>` in
 * many views and all classes), the colour also as `bgcolor` (Outlook ignores backgrounds on
 * links), no script, no images (blocked by default), and the anchor words under the ends. Each
 * button is a link to the page where the customer confirms that score.
 */
export function scoreButtons(survey: Pick<LinkSurvey, 'type' | 'question'>, links: RecipientLinks, locale: LinkLocale, look: ShopLook): string {
  const [low, high] = anchorsOf(survey.type, locale);
  const ink = textOn(look.colour);
  const width = Math.floor(100 / links.scores.length);
  const cells = links.scores.map(({ score, url }) => html`<td align="center" width="${width}%" style="padding:2px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center" bgcolor="${look.colour}" style="border-radius:6px"><a href="${url}" style="display:block;padding:12px 0;${font};font-size:18px;font-weight:bold;line-height:20px;color:${ink};text-decoration:none;border-radius:6px" aria-label="${score}">${score}</a></td></tr></table></td>`);
  return String(html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;border-collapse:collapse" lang="${locale}">
<tr><td style="padding:0 0 12px 0;${font};font-size:18px;line-height:26px;color:#1f2328;font-weight:bold">${questionOf(survey, locale)}</td></tr>
<tr><td style="padding:0"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse"><tr>${cells}</tr></table></td></tr>
<tr><td style="padding:0"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="left" style="padding:6px 2px 0 2px;${font};font-size:13px;line-height:18px;color:#57606a">${low}</td><td align="right" style="padding:6px 2px 0 2px;${font};font-size:13px;line-height:18px;color:#57606a">${high}</td></tr></table></td></tr>
<tr><td style="padding:12px 0 0 0;${font};font-size:14px;line-height:20px;color:#57606a">${words.tapHint[locale]}</td></tr>
</table>`);
}

export interface EmailInput {
  survey: Pick<LinkSurvey, 'type' | 'question'>;
  links: RecipientLinks;
  locale: LinkLocale;
  look: ShopLook;
  name: string;
}

/** The whole email: subject, the HTML (greeting, the buttons, why they get it and the unsubscribe line) and the plain-text part. */
export function surveyEmail({ survey, links, locale, look, name }: EmailInput): { subject: string; html: string; text: string } {
  const shop = look.shopName || '';
  const greeting = name ? fill(words.greeting[locale], { name }) : words.greetingNoName[locale];
  const subject = shop ? fill(words.subject[locale], { shop }) : words.subjectNoShop[locale];
  const why = shop ? fill(words.whyEmail[locale], { shop }) : '';
  const body = String(html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${subject}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f6f7f9"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="max-width:600px;border-radius:8px">
${shop ? html`<tr><td bgcolor="${look.colour}" style="padding:12px 16px;${font};font-size:16px;font-weight:bold;color:${textOn(look.colour)};border-radius:8px 8px 0 0">${shop}</td></tr>` : ''}
<tr><td style="padding:16px 16px 8px 16px;${font};font-size:16px;line-height:24px;color:#1f2328">${greeting}</td></tr>
<tr><td style="padding:8px 12px 16px 12px">${raw(scoreButtons(survey, links, locale, look))}</td></tr>
<tr><td style="padding:12px 16px 16px 16px;border-top:1px solid #d0d7de;${font};font-size:12px;line-height:18px;color:#57606a">${why} <a href="${links.unsubscribe}" style="color:#57606a">${words.unsubscribeLine[locale]}</a></td></tr>
</table></td></tr></table>
</body></html>`);
  const [low, high] = anchorsOf(survey.type, locale);
  const text = [
    greeting, '', questionOf(survey, locale), `(${links.scores[0].score} = ${low}, ${links.scores.at(-1)!.score} = ${high})`, '',
    ...links.scores.map(({ score, url }) => `${score}: ${url}`), '', why, `${words.unsubscribeLine[locale]}: ${links.unsubscribe}`,
  ].join('\n');
  return { subject, html: body, text };
}

/** The SMS: one short line with the one link (no score in it: the page asks), under 160 characters for a short link. */
export function smsText(links: RecipientLinks, locale: LinkLocale, look: ShopLook): string {
  return fill(words.smsText[locale], { shop: look.shopName || '', link: links.sms }).replace(/^: /, '');
}
