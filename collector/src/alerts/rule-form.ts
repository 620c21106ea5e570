import type { Localized } from '../shell/lang';
import type { FieldProblem } from './channel-form';
import { conditionSchema, type Condition } from './conditions';
import type { RuleInput } from './rule-store';

/** The rule form's fields: a name, on/off, one of each kind of condition, and the channels. */
export interface RuleFields {
  name: string;
  enabled: boolean;
  detractor: boolean;
  scoreType: string;
  scoreMax: string;
  contextKey: string;
  contextValue: string;
  mentions: string;
  channelIds: string[];
}

const labels = {
  name: { en: 'Name', th: 'ชื่อ' },
  conditions: { en: 'Conditions', th: 'เงื่อนไข' },
  score: { en: 'Score at most', th: 'คะแนนไม่เกิน' },
  context: { en: 'Context value', th: 'ข้อมูลบริบท' },
  mentions: { en: 'Comment mentions', th: 'ความคิดเห็นมีคำว่า' },
  channels: { en: 'Send to', th: 'ส่งไปที่' },
} satisfies Record<string, Localized>;

const messages = {
  name: { en: 'must be 1 to 80 characters', th: 'ต้องมี 1 ถึง 80 ตัวอักษร' },
  none: { en: 'choose at least one condition', th: 'เลือกเงื่อนไขอย่างน้อยหนึ่งข้อ' },
  score: { en: 'choose a type and a score within its scale (NPS 0–10, CSAT 1–5, CES 1–7)', th: 'เลือกประเภทและคะแนนในช่วงของประเภทนั้น (NPS 0–10, CSAT 1–5, CES 1–7)' },
  context: { en: 'fill in both the key and the value (up to 100 and 500 characters)', th: 'กรอกทั้งชื่อข้อมูลและค่า (ไม่เกิน 100 และ 500 ตัวอักษร)' },
  mentions: { en: 'must be at most 200 characters', th: 'ต้องไม่เกิน 200 ตัวอักษร' },
  channels: { en: 'choose at least one channel', th: 'เลือกช่องทางอย่างน้อยหนึ่งช่องทาง' },
} satisfies Record<string, Localized>;

/** The form's fields from a parsed body (`parseBody({ all: true })`): checkboxes may repeat. */
export function ruleFieldsFrom(body: Record<string, unknown>): RuleFields {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  const list = (key: string) => ([] as unknown[]).concat(body[key] ?? []).filter((value): value is string => typeof value === 'string');
  return {
    name: text('name').trim(),
    enabled: text('enabled') === 'on',
    detractor: text('detractor') === 'on',
    scoreType: text('scoreType'),
    scoreMax: text('scoreMax').trim(),
    contextKey: text('contextKey').trim(),
    contextValue: text('contextValue').trim(),
    mentions: text('mentions').trim(),
    channelIds: list('channels'),
  };
}

/** The form's fields for a saved rule (editing). */
export function ruleFieldsOf(rule: RuleInput): RuleFields {
  const score = rule.conditions.find((c) => c.kind === 'score-at-most');
  const context = rule.conditions.find((c) => c.kind === 'context');
  const mentions = rule.conditions.find((c) => c.kind === 'comment-mentions');
  return {
    name: rule.name,
    enabled: rule.enabled,
    detractor: rule.conditions.some((c) => c.kind === 'detractor'),
    scoreType: score?.type ?? '',
    scoreMax: score ? String(score.max) : '',
    contextKey: context?.key ?? '',
    contextValue: context?.value ?? '',
    mentions: mentions?.text ?? '',
    channelIds: rule.channelIds,
  };
}

export type RuleFormResult = { ok: true; input: RuleInput } | { ok: false; problems: FieldProblem[] };

/** Checks the form: a name, at least one whole condition, and at least one of the known channels. */
export function parseRuleForm(fields: RuleFields, knownChannelIds: readonly string[]): RuleFormResult {
  const problems: FieldProblem[] = [];
  const conditions: Condition[] = [];
  if (!fields.name || [...fields.name].length > 80) problems.push({ field: 'name', label: labels.name, message: messages.name });
  if (fields.detractor) conditions.push({ kind: 'detractor' });
  if (fields.scoreType || fields.scoreMax) {
    const parsed = conditionSchema.safeParse({ kind: 'score-at-most', type: fields.scoreType, max: /^\d+$/.test(fields.scoreMax) ? Number(fields.scoreMax) : NaN });
    if (parsed.success) conditions.push(parsed.data);
    else problems.push({ field: 'scoreType', label: labels.score, message: messages.score });
  }
  if (fields.contextKey || fields.contextValue) {
    const parsed = conditionSchema.safeParse({ kind: 'context', key: fields.contextKey, value: fields.contextValue });
    if (parsed.success) conditions.push(parsed.data);
    else problems.push({ field: 'contextKey', label: labels.context, message: messages.context });
  }
  if (fields.mentions) {
    const parsed = conditionSchema.safeParse({ kind: 'comment-mentions', text: fields.mentions });
    if (parsed.success) conditions.push(parsed.data);
    else problems.push({ field: 'mentions', label: labels.mentions, message: messages.mentions });
  }
  if (!conditions.length && !problems.some((p) => p.field !== 'name')) problems.push({ field: 'detractor', label: labels.conditions, message: messages.none });
  const channelIds = fields.channelIds.filter((id) => knownChannelIds.includes(id));
  if (!channelIds.length) problems.push({ field: 'channels', label: labels.channels, message: messages.channels });
  if (problems.length) return { ok: false, problems };
  return { ok: true, input: { name: fields.name, enabled: fields.enabled, conditions, channelIds } };
}
