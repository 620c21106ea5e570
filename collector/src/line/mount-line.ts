import type { Context } from 'hono';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { reasonOf } from '../alerts/channels/delivery-error';
import { describeDelivery } from '../alerts/delivery-text';
import { createSecretBox } from '../alerts/secret-box';
import { requireUser } from '../auth/require-user';
import { clientAddress } from '../http/client-address';
import { formFields } from '../http/form-fields';
import { limitBody } from '../http/limit-body';
import { linkOrigin } from '../http/own-origin';
import { problem } from '../http/problem';
import { rateLimiterFor } from '../http/rate-limiters';
import { createLinkStore } from '../links/link-store';
import { createSiteSettingsStore } from '../site-settings/site-settings-store';
import { printPage, printSizes, type PrintKind } from '../links/print-page';
import { pickLinkLocale } from '../links/link-texts';
import { qrSvg } from '../links/qr-code';
import { fill } from '../shell/lang';
import { chatLink } from './chat-link';
import { createLineParts } from './line-feature';
import { linePage, maskedSecret, type LinePageInput } from './line-page';
import { parseLineForm } from './line-form';
import { isLineSignatureValid } from './line-signature';
import { lineWords as w } from './line-words';
import { pushSurvey } from './push-survey';
import { claimEvent, lineEventSchema, webhookBodySchema } from './webhook-events';

type Ctx = Context<AppEnv>;

/** LINE's webhook bodies are small (a few events); anything larger is refused unread. */
const maxWebhookBytes = 256 * 1024;

/** The public path of the webhook, as the contract names it. */
export const lineWebhookPath = '/api/line/webhook';

/**
 * Surveys inside LINE chat.
 * - Public: `POST /api/line/webhook` — LINE's Messaging API webhook: 401 without a valid
 *   `X-Line-Signature` for the channel secret (nothing changes), 413 over 256 KB, 429 past the
 *   per-client rate limit; every event is handled once (`webhookEventId`), then 200.
 * - Owner: `GET /line` (connect the account, the chat survey, the counter QR code, the quota, the
 *   groups the bot is in), `POST /line` (save), `POST /line/check` (LINE's bot info and webhook
 *   test), `GET /line/poster|tent?lang=` (the printable QR code).
 * - Signed in or API token: `POST /api/line/surveys { to, survey, context?, lang?, key? }` pushes
 *   the survey to a customer, once per request however often it is repeated.
 */
export function mountLine(app: App, { db, config, answerHooks, kit, log, now, nav, page }: FeatureDeps) {
  const parts = createLineParts({ db, config, hooks: answerHooks, kit, log, now });
  const box = createSecretBox(config.secretKey);
  const links = createLinkStore(db);
  const looks = createSiteSettingsStore(db);
  const limiter = rateLimiterFor(db, 'line-webhook', { limit: 600, windowSeconds: 60, now: () => now().getTime(), hot: true });
  nav.add({ href: '/line', label: w.nav, order: 35 });

  app.post(lineWebhookPath, async (c, next) => {
    const allowed = await limiter.hit(clientAddress(c, config.trustProxy));
    if (!allowed.ok) return problem(c, 429, `too many webhook calls from one client; try again in ${allowed.retryAfterSeconds} s`, { 'retry-after': String(allowed.retryAfterSeconds) });
    return next();
  }, limitBody(maxWebhookBytes), async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const account = await parts.accounts.read();
    if (!account.channelSecret) return problem(c, 401, 'LINE is not connected here: set the channel secret on the LINE page or in HEARBACK_LINE_CHANNEL_SECRET');
    if (!isLineSignatureValid(raw, c.req.header('x-line-signature'), account.channelSecret)) {
      return problem(c, 401, 'X-Line-Signature is missing or does not match the body for this channel secret');
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(raw).toString('utf8'));
    } catch {
      return problem(c, 400, 'body is not valid JSON');
    }
    const parsed = webhookBodySchema.safeParse(body);
    if (!parsed.success) return problem(c, 400, 'body must be { destination, events: [...] } with at most 200 events');
    for (const raw of parsed.data.events) {
      const event = lineEventSchema.safeParse(raw);
      if (!event.success || !(await claimEvent(db, event.data, now()))) continue;
      await parts.conversation.handle(event.data);
    }
    return c.json({}, 200);
  });

  app.post('/api/line/surveys', requireUser(), async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return problem(c, 415, `content-type must be application/json (got ${type || 'none'})`);
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body === undefined) return problem(c, 400, 'body is not valid JSON; expected { "to": "U…", "survey": "…", "context": { … } }');
    const result = await pushSurvey(parts.push, body);
    if (result.ok) return c.json({ ask: result.ask, duplicate: result.duplicate }, result.duplicate ? 200 : 201);
    return problem(c, result.status, result.problem, result.retryAfterSeconds ? { 'retry-after': String(result.retryAfterSeconds) } : {});
  });

  const owner = requireUser({ page: true, role: 'owner' });

  async function showPage(c: Ctx, extra: Partial<LinePageInput> = {}, status: 200 | 400 = 200) {
    const lang = c.var.lang;
    const [account, surveys, groups] = await Promise.all([parts.accounts.read(), links.list(), parts.groups.list()]);
    const chat = account.basicId ? chatLink(account.basicId, account.keywords.th) : undefined;
    let quota: LinePageInput['quota'];
    if (account.channelToken) {
      try {
        quota = { ok: true, quota: await parts.clientFor(account.channelToken).quota() };
      } catch (error) {
        quota = { ok: false, error: describeDelivery(reasonOf(error), lang) };
      }
    }
    const origin = linkOrigin(c, config);
    return page(c, {
      title: w.title[lang], styles: ['links', 'line'], status,
      main: linePage({
        lang, account, surveys, groups, quota, sealing: box.sealing,
        masked: { channelSecret: maskedSecret(account, 'channelSecret'), channelToken: maskedSecret(account, 'channelToken') },
        webhookUrl: `${origin}${lineWebhookPath}`,
        chat: chat ? { link: chat, qrSvg: await qrSvg(chat) } : undefined,
        apiExample: `curl -X POST ${origin}/api/line/surveys \\\n  -H 'authorization: Bearer <API token>' -H 'content-type: application/json' \\\n  -d '{"to":"U4af4980629…","survey":"${account.surveyId || 'after-order'}","context":{"order":"A17"},"lang":"th"}'\n\nhearback-collector line send --to U4af4980629… --survey ${account.surveyId || 'after-order'} --field order=A17`,
        ...extra,
      }),
    });
  }

  app.get('/line', owner, (c) => showPage(c, { notice: c.req.query('saved') !== undefined ? { kind: 'notice', text: w.saved[c.var.lang] } : undefined }));

  app.post('/line', owner, async (c) => {
    const { fields } = await formFields(c);
    const account = await parts.accounts.read();
    const surveys = await links.list();
    const result = parseLineForm(fields, { lang: c.var.lang, surveys, locked: account.sources });
    if (!result.ok) return showPage(c, { problems: result.problems, values: result.values }, 400);
    await parts.accounts.save(result.settings);
    return c.redirect('/line?saved', 303);
  });

  app.post('/line/check', owner, async (c) => {
    const lang = c.var.lang;
    const account = await parts.accounts.read();
    if (!account.channelToken) return showPage(c, { notice: { kind: 'error', text: w.checkNoToken[lang] } }, 400);
    const client = parts.clientFor(account.channelToken);
    let bot;
    try {
      bot = await client.botInfo();
    } catch (error) {
      return showPage(c, { notice: { kind: 'error', text: fill(w.checkBot[lang], { error: describeDelivery(reasonOf(error), lang) }) } }, 400);
    }
    await parts.accounts.saveBot({ basicId: bot.basicId, botName: bot.displayName });
    const names = { name: bot.displayName || bot.basicId, basicId: bot.basicId };
    let test;
    try {
      test = await client.testWebhook(`${linkOrigin(c, config)}${lineWebhookPath}`);
    } catch (error) {
      test = { success: false, reason: describeDelivery(reasonOf(error), lang) };
    }
    if (!test.success) return showPage(c, { notice: { kind: 'error', text: fill(w.checkWebhook[lang], { ...names, why: test.reason ?? String(test.statusCode ?? '') }) } }, 400);
    return showPage(c, { notice: { kind: 'notice', text: fill(w.checkOk[lang], names) } });
  });

  for (const kind of Object.keys(printSizes) as PrintKind[]) {
    app.get(`/line/${kind}`, owner, async (c) => {
      const account = await parts.accounts.read();
      if (!account.basicId) return c.redirect('/line', 303);
      const link = chatLink(account.basicId, account.keywords.th);
      const [look, svg] = await Promise.all([looks.look(), qrSvg(link)]);
      return c.html(printPage({ kind, locale: pickLinkLocale(c.req.query('lang'), c.var.lang), look, link, qrSvg: svg, surveyTitle: 'LINE' }));
    });
  }
}
