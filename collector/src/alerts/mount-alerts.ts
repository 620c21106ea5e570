import type { Context } from 'hono';
import type { App, AppEnv, FeatureDeps } from '../app-env';
import { requireUser } from '../auth/require-user';
import { formFields } from '../http/form-fields';
import { fill } from '../shell/lang';
import { alertsText as t } from './alerts-text';
import { channelForm, overview, ruleForm, type PageNotice } from './alerts-page';
import { defaultBackoff } from './backoff';
import { destinationProblems, parseChannelForm, type FieldProblem } from './channel-form';
import { describeDelivery } from './delivery-text';
import { createChannel, deleteChannel, listChannels, loadChannel, sealStoredSecrets, updateChannel, type Channel } from './channel-store';
import { channelKindSpec, isChannelKind, secretFields, type ChannelKind } from './channels/channel-kinds';
import type { SendDeps } from './channels/kind-spec';
import { gaveUp, latestByChannel } from './delivery-report';
import { createAlertHook } from './hook';
import { mountAlertsApi } from './mount-alerts-api';
import { parseRuleForm, ruleFieldsFrom, ruleFieldsOf } from './rule-form';
import { createRule, deleteRule, listRules, updateRule } from './rule-store';
import { createSecretBox } from './secret-box';
import { createLineAccountStore } from '../line/line-account';
import { sendTestAlert } from './test-alert';
import { createAlertWorker, type AlertWorker } from './worker';

export interface AlertsOptions {
  /** Where LINE, SMTP and webhooks are reached; tests pass local fakes' addresses through config. */
  send?: Partial<SendDeps>;
  pollMs?: number;
}

export interface AlertsFeature {
  /** Sends queued alerts and digests; the server starts it after listening and stops it on shutdown. */
  worker: AlertWorker;
  /** Encrypts secrets saved before HEARBACK_SECRET_KEY was set (the server runs it on start); how many channels. */
  sealStoredSecrets(): Promise<number>;
  /** Whether secrets are stored encrypted. */
  sealing: boolean;
}

/**
 * Alerts: the answer hook that queues deliveries, the worker that sends them, and the settings
 * pages under `/alerts` (everyone signed in may look; only the owner, with a session, may change
 * anything or send a test). Forms post back to the page; the app's CSRF check covers them.
 */
export function mountAlerts(app: App, deps: FeatureDeps, options: AlertsOptions = {}): AlertsFeature {
  const { db, config, page, now, log } = deps;
  const timeZone = config.timezone;
  const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const box = createSecretBox(config.secretKey);
  const lineAccount = createLineAccountStore(db, box, config);
  const send: SendDeps = {
    lineApiUrl: config.lineApiUrl, lineToken: async () => (await lineAccount.read()).channelToken,
    destinations: { allowPrivate: config.allowPrivateDestinations }, ...options.send,
  };
  const worker = createAlertWorker({ db, send, publicUrl, timeZone, now, box, pollMs: options.pollMs, leaseMs: config.alertLeaseSeconds * 1000, perHour: config.alertsPerHour, log: (line) => log.error(line) });
  const hook = createAlertHook({ timeZone, now, onQueued: () => worker.wake() });
  deps.answerHooks.onAnswerStored(hook, { precheck: hook.precheck });
  // A comment that arrives after the score may now match a "comment mentions" rule; the unique key
  // keeps channels that were already alerted from getting a second message.
  deps.answerHooks.onAnswerCompleted(hook);
  deps.nav.add({ href: '/alerts', label: t.title, order: 40 });

  const viewer = requireUser({ page: true });
  const owner = requireUser({ page: true, role: 'owner' });

  async function overviewPage(c: Context<AppEnv>, notice: PageNotice | null = null, status: 200 | 400 | 404 = 200) {
    const [channels, rules, latest, failed] = await Promise.all([listChannels(db, box), listRules(db), latestByChannel(db), gaveUp(db)]);
    const main = overview({ lang: c.var.lang, isOwner: c.var.user.role === 'owner', timeZone, channels, rules, latest, failed, maxAttempts: defaultBackoff.maxAttempts, notice, sealing: box.sealing });
    return page(c, { title: t.title[c.var.lang], main, styles: ['alerts'], status });
  }

  function channelValues(channel: Channel): Record<string, string> {
    const values: Record<string, string> = { name: channel.name, locale: channel.locale, quietFrom: channel.quiet?.from ?? '', quietTo: channel.quiet?.to ?? '', digestHour: channel.digestHour === null ? '' : String(channel.digestHour) };
    for (const spec of channelKindSpec(channel.kind).fields) {
      if (!spec.secret) values[spec.name] = String(channel.config[spec.name] ?? '');
    }
    return values;
  }

  /** What the form for a new channel of a kind starts with (an SMTP port…). */
  const initialValues = (kind: ChannelKind): Record<string, string> =>
    Object.fromEntries(channelKindSpec(kind).fields.flatMap((spec) => (spec.initial === undefined ? [] : [[spec.name, spec.initial]])));

  const channelPage = (c: Context<AppEnv>, kind: ChannelKind, channel: Channel | null, values: Record<string, string>, problems: FieldProblem[] = []) =>
    page(c, { title: t.title[c.var.lang], main: channelForm({ lang: c.var.lang, kind, channel, values, problems, timeZone }), styles: ['alerts'], status: problems.length ? 400 : 200 });

  async function saveChannel(c: Context<AppEnv>, existing: Channel | null) {
    const { fields } = await formFields(c);
    const kind = existing?.kind ?? fields.kind;
    if (!isChannelKind(kind)) return overviewPage(c, { kind: 'error', text: t.notFound[c.var.lang] }, 400);
    const result = parseChannelForm(kind, fields, existing);
    const problems = result.ok ? await destinationProblems(kind, result.input.config, send.destinations) : result.problems;
    if (!result.ok || problems.length) {
      const values = { ...fields };
      for (const name of secretFields(kind)) delete values[name];
      return channelPage(c, kind, existing, values, problems);
    }
    if (existing) await updateChannel(db, existing.id, result.input, box);
    else await createChannel(db, result.input, box);
    const text = fill(t.saved[c.var.lang], { name: result.input.name });
    return overviewPage(c, result.generatedSecret ? { kind: 'notice', text: `${text} ${fill(t.newSecret[c.var.lang], { name: result.input.name })}`, secret: result.generatedSecret } : { kind: 'notice', text });
  }

  const withChannel = (handler: (c: Context<AppEnv>, channel: Channel) => Promise<Response>) => async (c: Context<AppEnv>) => {
    const channel = await loadChannel(db, c.req.param('id')!, box).catch(() => null);
    return channel ? handler(c, channel) : overviewPage(c, { kind: 'error', text: t.notFound[c.var.lang] }, 404);
  };

  app.get('/alerts', viewer, (c) => overviewPage(c));

  app.get('/alerts/channels/new', owner, (c) => {
    const kind = c.req.query('kind');
    if (!isChannelKind(kind)) return overviewPage(c, { kind: 'error', text: t.notFound[c.var.lang] }, 404);
    // The LINE page's "Send alerts here" opens the form with the group the bot joined filled in.
    const to = c.req.query('to') ?? '';
    const group: Record<string, string> = kind === 'line' && /^C[0-9a-f]{32}$/.test(to) ? { to, name: (c.req.query('name') ?? '').slice(0, 80) } : {};
    return channelPage(c, kind, null, { locale: c.var.lang, ...initialValues(kind), ...group });
  });
  app.post('/alerts/channels', owner, (c) => saveChannel(c, null));
  app.get('/alerts/channels/:id', owner, withChannel((c, channel) => channelPage(c, channel.kind, channel, channelValues(channel))));
  app.post('/alerts/channels/:id', owner, withChannel((c, channel) => saveChannel(c, channel)));
  app.post('/alerts/channels/:id/delete', owner, withChannel(async (c, channel) => {
    await deleteChannel(db, channel.id);
    return overviewPage(c, { kind: 'notice', text: t.deleted[c.var.lang] });
  }));
  app.post('/alerts/channels/:id/test', owner, withChannel(async (c, channel) => {
    const result = await sendTestAlert(channel, { publicUrl, timeZone, now }, send);
    const lang = c.var.lang;
    return overviewPage(c, result.ok
      ? { kind: 'notice', text: fill(t.testSent[lang], { name: channel.name }) }
      : { kind: 'error', text: fill(t.testFailed[lang], { name: channel.name, error: describeDelivery(result.reason, lang) }) });
  }));

  async function rulePage(c: Context<AppEnv>, ruleId: string | null, body?: Record<string, unknown>) {
    const [channels, rules] = await Promise.all([listChannels(db, box), listRules(db)]);
    const rule = ruleId ? rules.find((r) => r.id === ruleId) ?? null : null;
    if (ruleId && !rule) return overviewPage(c, { kind: 'error', text: t.notFound[c.var.lang] }, 404);
    const lang = c.var.lang;
    if (!body) {
      const values = rule ? ruleFieldsOf(rule) : { ...ruleFieldsOf({ name: '', enabled: true, conditions: [{ kind: 'detractor' }], channelIds: channels.map((ch) => ch.id) }) };
      return page(c, { title: t.title[lang], main: ruleForm({ lang, rule, values, channels, problems: [] }), styles: ['alerts'] });
    }
    const values = ruleFieldsFrom(body);
    const result = parseRuleForm(values, channels.map((ch) => ch.id));
    if (!result.ok) return page(c, { title: t.title[lang], main: ruleForm({ lang, rule, values, channels, problems: result.problems }), styles: ['alerts'], status: 400 });
    if (rule) await updateRule(db, rule.id, result.input);
    else await createRule(db, result.input);
    return overviewPage(c, { kind: 'notice', text: fill(t.saved[lang], { name: result.input.name }) });
  }

  const body = (c: Context<AppEnv>) => c.req.parseBody({ all: true }).catch(() => ({})) as Promise<Record<string, unknown>>;
  app.get('/alerts/rules/new', owner, (c) => rulePage(c, null));
  app.post('/alerts/rules', owner, async (c) => rulePage(c, null, await body(c)));
  app.get('/alerts/rules/:id', owner, (c) => rulePage(c, c.req.param('id')));
  app.post('/alerts/rules/:id', owner, async (c) => rulePage(c, c.req.param('id'), await body(c)));
  app.post('/alerts/rules/:id/delete', owner, async (c) => {
    const deleted = await deleteRule(db, c.req.param('id')).catch(() => false);
    return overviewPage(c, { kind: deleted ? 'notice' : 'error', text: deleted ? t.deleted[c.var.lang] : t.notFound[c.var.lang] }, deleted ? 200 : 404);
  });

  mountAlertsApi(app, { db, box, send, publicUrl, timeZone, now });

  return { worker, sealStoredSecrets: () => sealStoredSecrets(db, box), sealing: box.sealing };
}
