import { text } from '../dashboard/export-csv';
import type { LinkSurvey } from '../links/link-survey';
import type { ShopLook } from '../site-settings/shop-look';
import { scoreButtons, smsText, surveyEmail } from './email-block';
import type { Recipient } from './recipient-store';
import { scoresOf, type RecipientLinks } from './tap-link';

/**
 * The recipients' links as CSV for the shop's own mailer or SMS service (UTF-8 with a byte-order
 * mark, cells guarded against spreadsheet formulas like the answers export): who, their context,
 * one link per score, the SMS link and text, the email's subject, its score buttons as an HTML
 * block to paste into the shop's own template, and the unsubscribe link.
 */
export async function linksCsv(survey: LinkSurvey, look: ShopLook, recipients: Recipient[], linksOf: (recipient: Recipient) => Promise<RecipientLinks>): Promise<string> {
  const contextKeys = [...new Set(recipients.flatMap((recipient) => Object.keys(recipient.context)))].sort();
  const scores = scoresOf(survey.type);
  const header = ['name', 'email', 'phone', 'lang', ...contextKeys, ...scores.map((score) => `link_${score}`), 'sms_link', 'sms_text', 'email_subject', 'email_html_block', 'unsubscribe_link'];
  const lines = [header.join(',')];
  for (const recipient of recipients) {
    const links = await linksOf(recipient);
    const { subject } = surveyEmail({ survey, links, locale: recipient.locale, look, name: recipient.name });
    lines.push([
      text(recipient.name), text(recipient.email), text(recipient.phone), recipient.locale,
      ...contextKeys.map((key) => text(recipient.context[key])),
      ...links.scores.map(({ url }) => text(url)),
      text(links.sms), text(smsText(links, recipient.locale, look)), text(subject),
      text(scoreButtons(survey, links, recipient.locale, look)), text(links.unsubscribe),
    ].join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
