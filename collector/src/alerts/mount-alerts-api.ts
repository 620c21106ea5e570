import type { Context } from 'hono';
import { z } from 'zod';
import { surveyTypes } from 'hearback/receiver';
import { surveyTypeProblem } from '../surveys/survey-type-choice';
import type { App, AppEnv, Lang } from '../app-env';
import type { Database } from '../db/database';
import { requireUser } from '../auth/require-user';
import { problem } from '../http/problem';
import { problemLines } from '../shell/field-problems';
import { destinationProblems, parseChannelForm } from './channel-form';
import { describeDelivery, describeStored } from './delivery-text';
import { createChannel, deleteChannel, listChannels, loadChannel, updateChannel, type Channel } from './channel-store';
import { channelKinds, isChannelKind, secretFields } from './channels/channel-kinds';
import { maskSecret, shownSetting } from './channels/shown-setting';
import type { SendDeps } from './channels/kind-spec';
import { latestByChannel, type DeliveryStatus } from './delivery-report';
import { parseRuleForm, ruleFieldsFrom } from './rule-form';
import { createRule, deleteRule, listRules, updateRule, type Rule } from './rule-store';
import type { SecretBox } from './secret-box';
import { sendTestAlert } from './test-alert';

const text = (max: number) => z.string({ message: 'must be text' }).max(max, `must be at most ${max} characters`);

/** A rule's JSON body: the form's fields with JSON types; the form's own checks follow. */
const ruleBody = z.strictObject({
  name: text(200).optional(),
  enabled: z.boolean({ message: 'must be true or false' }).optional(),
  detractor: z.boolean({ message: 'must be true or false' }).optional(),
  scoreType: z.enum([...surveyTypes, ''], { message: surveyTypeProblem() }).optional(),
  scoreMax: z.union([z.number().int(), z.string().regex(/^\d*$/)], { message: 'must be a whole number' }).optional(),
  contextKey: text(100).optional(),
  contextValue: text(500).optional(),
  mentions: text(200).optional(),
  channels: z.array(z.string({ message: 'must be channel ids' }), { message: 'must be a list of channel ids' }).max(50).optional(),
});
const ruleFields = Object.keys(ruleBody.shape).join(', ');

export interface AlertsApiDeps {
  db: Database;
  box: SecretBox;
  send: SendDeps;
  publicUrl: string;
  timeZone: string;
  now: () => Date;
}

/** A channel as the API shows it: settings in full, secrets by their last 4 characters. */
function channelView(channel: Channel, latest: DeliveryStatus | undefined, lang: Lang) {
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [field, value] of Object.entries(channel.config)) {
    if (secretFields(channel.kind).includes(field)) secrets[field] = typeof value === 'string' ? maskSecret(value) : '';
    else settings[field] = typeof value === 'string' ? shownSetting(channel.kind, field, value) : value;
  }
  return {
    id: channel.id, name: channel.name, kind: channel.kind, locale: channel.locale, settings, secrets,
    secretsUnreadable: channel.unreadableSecrets, quiet: channel.quiet, digestHour: channel.digestHour,
    lastDelivery: latest ? { status: latest.status, attempts: latest.attempts, lastError: latest.lastError === null ? null : describeStored(latest.lastError, lang), at: latest.at.toISOString() } : null,
  };
}

type JsonBody = { ok: true; body: Record<string, unknown> } | { ok: false; problem: string };

/** The request's JSON object, or what is wrong with it (`fields` lists what it may hold). */
async function jsonObject(c: Context<AppEnv>, fields: string): Promise<JsonBody> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const body = type === 'application/json' ? await c.req.json().catch(() => undefined) : undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, problem: `the body must be a JSON object (Content-Type: application/json) with ${fields}` };
  }
  return { ok: true, body: body as Record<string, unknown> };
}

/** A channel body's fields as the form's text: strings, numbers and booleans only. */
function channelFields(body: Record<string, unknown>): { fields: Record<string, string> } | { problems: string[] } {
  const fields: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) fields[key] = String(value);
    else if (key === 'to' && Array.isArray(value) && value.every((item) => typeof item === 'string')) fields[key] = value.join(', ');
    else problems.push(`${key}: must be text, a number or true/false (got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value})`);
  }
  return problems.length ? { problems } : { fields };
}

/**
 * The alert settings as JSON, for scripts and other tools, with the forms' own checks:
 * - `GET /api/alerts` (anyone signed in, API tokens too): channels (secrets masked, last delivery)
 *   and rules;
 * - the owner, signed in (not with an API token, so a leaked token cannot send the shop's answers
 *   somewhere else): `POST /api/alerts/channels`, `PUT|DELETE /api/alerts/channels/:id`,
 *   `POST /api/alerts/channels/:id/test`, `POST /api/alerts/rules`, `PUT|DELETE /api/alerts/rules/:id`.
 * Channel bodies are the form's fields (`kind`, `name`, `locale`, `quietFrom`, `quietTo`,
 * `digestHour` and the kind's own: `to`, `token`…); a secret left out keeps the saved one. Rule
 * bodies: `name`, `enabled`, `detractor`, `scoreType`, `scoreMax`, `contextKey`, `contextValue`,
 * `mentions`, `channels` (ids).
 */
export function mountAlertsApi(app: App, { db, box, send, publicUrl, timeZone, now }: AlertsApiDeps) {
  const owner = requireUser({ role: 'owner' });

  async function views(lang: Lang): Promise<{ channels: ReturnType<typeof channelView>[]; rules: Rule[] }> {
    const [channels, rules, latest] = await Promise.all([listChannels(db, box), listRules(db), latestByChannel(db)]);
    return { channels: channels.map((channel) => channelView(channel, latest.get(channel.id), lang)), rules };
  }

  app.get('/api/alerts', requireUser(), async (c) => c.json({ secretsEncrypted: box.sealing, ...(await views(c.var.lang)) }));

  async function saveChannel(c: Context<AppEnv>, existing: Channel | null) {
    const read = await jsonObject(c, '"kind", "name", "locale", "quietFrom", "quietTo", "digestHour" and the kind\'s own fields');
    if (!read.ok) return problem(c, 400, read.problem);
    const checked = channelFields(read.body);
    if ('problems' in checked) return problem(c, 400, checked.problems);
    const { fields } = checked;
    const kind = existing?.kind ?? fields.kind;
    if (!isChannelKind(kind)) return problem(c, 400, `kind: ${JSON.stringify(fields.kind ?? null)} must be one of ${channelKinds.join(', ')}`);
    if (existing && fields.kind !== undefined && fields.kind !== existing.kind) return problem(c, 400, `kind: a ${existing.kind} channel cannot become ${fields.kind}; add a new channel instead`);
    // The form's fields, with what the JSON left out kept from the saved channel.
    const base: Record<string, string> = existing
      ? { name: existing.name, locale: existing.locale, quietFrom: existing.quiet?.from ?? '', quietTo: existing.quiet?.to ?? '', digestHour: existing.digestHour === null ? '' : String(existing.digestHour) }
      : { locale: c.var.lang };
    if (existing) for (const [field, value] of Object.entries(existing.config)) if (!secretFields(kind).includes(field)) base[field] = Array.isArray(value) ? value.join(', ') : String(value ?? '');
    const result = parseChannelForm(kind, { ...base, ...fields }, existing);
    if (!result.ok) return problem(c, 400, problemLines(result.problems, c.var.lang));
    const refused = await destinationProblems(kind, result.input.config, send.destinations);
    if (refused.length) return problem(c, 400, problemLines(refused, c.var.lang));
    const id = existing ? existing.id : await createChannel(db, result.input, box);
    if (existing) await updateChannel(db, id, result.input, box);
    const saved = (await loadChannel(db, id, box))!;
    const latest = (await latestByChannel(db)).get(id);
    return c.json({ channel: channelView(saved, latest, c.var.lang), ...(result.generatedSecret ? { generatedSecret: result.generatedSecret } : {}) }, existing ? 200 : 201);
  }

  const withChannel = (handler: (c: Context<AppEnv>, channel: Channel) => Promise<Response>) => async (c: Context<AppEnv>) => {
    const channel = await loadChannel(db, c.req.param('id')!, box).catch(() => null);
    return channel ? handler(c, channel) : problem(c, 404, `channel ${JSON.stringify(c.req.param('id'))} does not exist`);
  };

  app.post('/api/alerts/channels', owner, (c) => saveChannel(c, null));
  app.put('/api/alerts/channels/:id', owner, withChannel((c, channel) => saveChannel(c, channel)));
  app.delete('/api/alerts/channels/:id', owner, withChannel(async (c, channel) => {
    await deleteChannel(db, channel.id);
    return c.body(null, 204);
  }));
  app.post('/api/alerts/channels/:id/test', owner, withChannel(async (c, channel) => {
    const result = await sendTestAlert(channel, { publicUrl, timeZone, now }, send);
    return c.json(result.ok ? result : { ok: false, error: describeDelivery(result.reason, c.var.lang), reason: result.reason });
  }));

  async function saveRule(c: Context<AppEnv>, existing: Rule | null) {
    const read = await jsonObject(c, '"name", "enabled", "detractor", "scoreType", "scoreMax", "contextKey", "contextValue", "mentions" and "channels"');
    if (!read.ok) return problem(c, 400, read.problem);
    const parsed = ruleBody.safeParse(read.body);
    if (!parsed.success) {
      return problem(c, 400, parsed.error.issues.map((issue) => issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')}: not a rule field; a rule has ${ruleFields}`
        : `${issue.path.join('.')}: ${issue.message}`));
    }
    const json = parsed.data;
    const fields = ruleFieldsFrom({
      ...json,
      scoreMax: json.scoreMax === undefined ? undefined : String(json.scoreMax),
      enabled: (json.enabled ?? existing?.enabled ?? true) ? 'on' : '',
      detractor: json.detractor ? 'on' : '',
    });
    const channels = await listChannels(db, box);
    const unknown = (json.channels ?? []).filter((id) => !channels.some((channel) => channel.id === id));
    if (unknown.length) return problem(c, 400, `channels: ${unknown.map((id) => JSON.stringify(id)).join(', ')} ${unknown.length === 1 ? 'is not a channel' : 'are not channels'}; GET /api/alerts lists them`);
    const result = parseRuleForm(fields, channels.map((channel) => channel.id));
    if (!result.ok) return problem(c, 400, problemLines(result.problems, c.var.lang));
    const id = existing ? existing.id : await createRule(db, result.input);
    if (existing) await updateRule(db, id, result.input);
    const rule = (await listRules(db)).find((r) => r.id === id)!;
    return c.json({ rule }, existing ? 200 : 201);
  }

  const withRule = (handler: (c: Context<AppEnv>, rule: Rule) => Promise<Response>) => async (c: Context<AppEnv>) => {
    const rule = (await listRules(db)).find((r) => r.id === c.req.param('id'));
    return rule ? handler(c, rule) : problem(c, 404, `rule ${JSON.stringify(c.req.param('id'))} does not exist`);
  };

  app.post('/api/alerts/rules', owner, (c) => saveRule(c, null));
  app.put('/api/alerts/rules/:id', owner, withRule((c, rule) => saveRule(c, rule)));
  app.delete('/api/alerts/rules/:id', owner, withRule(async (c, rule) => {
    await deleteRule(db, rule.id);
    return c.body(null, 204);
  }));
}
