import type { Context } from 'hono';
import { html } from 'hono/html';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { listChannels } from '../alerts/channel-store';
import type { SecretBox } from '../alerts/secret-box';
import { requireUser } from '../auth/require-user';
import { linkOrigin } from '../http/own-origin';
import { problem } from '../http/problem';
import type { LinkStore } from '../links/link-store';
import type { SiteSettingsStore } from '../site-settings/site-settings-store';
import type { LinkSurvey } from '../links/link-survey';
import { linksWords } from '../links/links-words';
import { fill } from '../shell/lang';
import { surveyEmail } from './email-block';
import { maxPerMinute, queueEmails } from './email-queue';
import { linksCsv } from './export-links-csv';
import { oneTapWords as words } from './one-tap-words';
import type { Recipient, RecipientStore } from './recipient-store';
import { recipientsPage, type RecipientsPageInput } from './recipients-page';
import { parseRecipientsCsv, type RecipientProblem } from './recipients-csv';
import { markExported, sentCounts } from './sent-counts';
import type { RecipientLinks } from './tap-link';

type Ctx = Context<AppEnv>;

/** A problem as one line, for JSON answers: `row 3, email: "x" is not an email address…`. */
const problemLine = (problem: RecipientProblem) => `${problem.row ? `row ${problem.row}` : 'file'}${problem.column ? `, ${problem.column}` : ''}: ${problem.message.en}`;

/**
 * The owner's side of one-tap links, under the survey's link page:
 * - `GET /links/<id>/recipients`: import, send, export, recipients, counts.
 * - `POST /links/<id>/recipients`: a CSV file (form field `file`, or a `text/csv` body with an API
 *   token: 200 `{ imported }` or 400 `{ problems }`, one line per row and column).
 * - `POST /links/<id>/recipients/send` (`channel`, `senderName`, `perMinute`): queues the emails.
 * - `GET /links/<id>/recipients.csv`: every recipient's links, HTML block and SMS text.
 * - `GET /links/<id>/recipients/preview?lang=`: the email as a recipient gets it.
 * - `GET /api/one-tap/sent?from=&to=&survey=` (signed in or a token): `sentCounts` as JSON.
 */
export function mountRecipients(app: App, { db, config, now, page }: Pick<FeatureDeps, 'db' | 'config' | 'now' | 'page'>, { links, looks, recipients, box, linksOf }: {
  links: LinkStore; looks: Pick<SiteSettingsStore, 'look'>; recipients: RecipientStore; box: SecretBox; linksOf: (publicUrl: string, survey: LinkSurvey, recipient: Pick<Recipient, 'id'>) => Promise<RecipientLinks>;
}) {
  const ownerOnly = requireUser({ page: true, role: 'owner' });
  const notFound = (c: Ctx) => page(c, { title: linksWords.notFound[c.var.lang], status: 404, main: html`<p>${linksWords.notFound[c.var.lang]}</p>` });

  const show = async (c: Ctx, survey: LinkSurvey, extra: Partial<RecipientsPageInput> = {}, status: 200 | 400 = 200) => {
    const [list, channels, look, counts] = await Promise.all([
      recipients.list(survey.id, 50), listChannels(db, box), looks.look(), sentCounts(db, { timeZone: config.timezone, survey: survey.id }),
    ]);
    return page(c, {
      title: `${words.title[c.var.lang]}: ${survey.id}`, styles: ['links'], status,
      main: recipientsPage({
        lang: c.var.lang, survey, recipients: list.recipients, total: list.total, counts, senderName: look.shopName,
        smtpChannels: channels.filter((channel) => channel.kind === 'email').map(({ id, name }) => ({ id, name })), ...extra,
      }),
    });
  };
  const surveyOf = (c: Ctx) => links.get(c.req.param('id') ?? '');

  app.get('/links/:id/recipients', ownerOnly, async (c) => {
    const survey = await surveyOf(c);
    if (!survey) return notFound(c);
    const imported = c.req.query('imported');
    const queued = c.req.query('queued');
    const done = imported ? fill(words.imported[c.var.lang], { count: imported })
      : queued ? fill(words.queuedNow[c.var.lang], { count: queued, rate: c.req.query('rate') ?? '' }) : undefined;
    return show(c, survey, { done });
  });

  app.post('/links/:id/recipients', requireUser({ role: 'owner' }), async (c) => {
    const survey = await surveyOf(c);
    if (!survey) return problem(c, 404, `no link survey "${c.req.param('id')}"`);
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const asApi = type === 'text/csv';
    let text = '';
    if (asApi) text = await c.req.text();
    else {
      const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
      if (body.file instanceof File) text = await body.file.text();
    }
    const parsed = parseRecipientsCsv(text, survey, c.var.lang);
    if ('problems' in parsed) return asApi ? problem(c, 400, parsed.problems.map(problemLine)) : show(c, survey, { importProblems: parsed.problems }, 400);
    const count = await recipients.add(survey.id, parsed.recipients);
    return asApi ? c.json({ imported: count }, 200) : c.redirect(`/links/${survey.id}/recipients?imported=${count}`, 303);
  });

  app.post('/links/:id/recipients/send', requireUser({ role: 'owner' }), async (c) => {
    const survey = await surveyOf(c);
    if (!survey) return problem(c, 404, `no link survey "${c.req.param('id')}"`);
    const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    const channels = (await listChannels(db, box)).filter((channel) => channel.kind === 'email');
    const problems: string[] = [];
    const channel = channels.find((candidate) => candidate.id === field('channel'));
    if (!channel) problems.push(`channel: choose one of the email alert channels (${channels.map((one) => one.name).join(', ') || 'none yet: add one on the Alerts page'})`);
    const perMinute = Number(field('perMinute') || '60');
    if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > maxPerMinute) problems.push(`perMinute: a whole number from 1 to ${maxPerMinute}`);
    const senderName = field('senderName').normalize('NFC');
    if ([...senderName].length > 80 || /[\r\n<>"]/.test(senderName)) problems.push('senderName: at most 80 characters, without line breaks, < > or "');
    if (problems.length || !channel) return show(c, survey, { sendProblems: problems }, 400);
    const queued = await queueEmails(db, survey.id, { alertChannel: channel.id, senderName, perMinute }, now());
    return c.redirect(`/links/${survey.id}/recipients?queued=${queued}&rate=${perMinute}`, 303);
  });

  app.get('/links/:id/recipients.csv', ownerOnly, async (c) => {
    const survey = await surveyOf(c);
    if (!survey) return notFound(c);
    const [all, look] = await Promise.all([recipients.all(survey.id), looks.look()]);
    const publicUrl = linkOrigin(c, config);
    const csv = await linksCsv(survey, look, all, (recipient) => linksOf(publicUrl, survey, recipient));
    await markExported(db, survey.id, now());
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${survey.id}-links.csv"` });
  });

  app.get('/links/:id/recipients/preview', ownerOnly, async (c) => {
    const survey = await surveyOf(c);
    if (!survey) return notFound(c);
    const locale = c.req.query('lang') === 'th' ? 'th' : c.req.query('lang') === 'en' ? 'en' : c.var.lang;
    const [{ recipients: [first] }, look] = await Promise.all([recipients.list(survey.id, 1), looks.look()]);
    const recipientLinks = await linksOf(linkOrigin(c, config), survey, first ?? { id: 'preview' });
    const email = surveyEmail({ survey, links: recipientLinks, locale, look, name: first?.name ?? (locale === 'th' ? 'สมชาย' : 'Sam') });
    // The email's own styles are inline, as mail apps need them: this page alone allows inline styles, and nothing else.
    return c.html(email.html, 200, { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'" });
  });

  app.get('/api/one-tap/sent', requireUser(), async (c) => {
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const from = c.req.query('from');
    const to = c.req.query('to');
    if ((from && !day.test(from)) || (to && !day.test(to))) return problem(c, 400, 'from, to: a day as YYYY-MM-DD');
    return c.json({ counts: await sentCounts(db, { timeZone: config.timezone, from, to, survey: c.req.query('survey') || undefined }) });
  });
}
