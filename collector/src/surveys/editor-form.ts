import { checkSurvey, contactWays, surveyTypes, type ContactWay, type SurveyDefinition, type SurveyDefinitionInput } from 'hearback/receiver';
import type { FieldProblem } from '../shell/field-problems';
import type { Localized } from '../shell/lang';
import { editorText as t } from './editor-text';
import type { SurveyLook } from './survey-store';

/** The form's fields by name, as the page (or a JSON body) sent them. */
export type EditorFields = Record<string, string>;

export const bands = ['detractor', 'passive', 'promoter'] as const;
export const modes = ['popup', 'inline', 'kiosk'] as const;
export const positions = ['bottom-right', 'bottom-left', 'center'] as const;
const langs = ['en', 'th'] as const;

/** Ids the editor's own pages use (`/app/surveys/new`). */
const reservedIds = ['new', 'check', 'preview'] as const;

/** The trigger fields, each the widget's `trigger.<name>`. */
export const triggerNames = ['delay', 'event', 'url', 'scroll', 'exitIntent', 'pageViews', 'selector'] as const;

/** What each field allows, in Thai (the English comes from the SDK's own message, word for word). */
const thaiRules: Record<string, string> = {
  id: 'ใช้ตัวอักษร ตัวเลข และ - _ . : ได้ 1–64 ตัว ขึ้นต้นด้วยตัวอักษรหรือตัวเลข',
  type: `เลือก ${surveyTypes.map((type) => type.toUpperCase()).join(', ')}`,
  target: 'ใส่ตัวเลือก CSS ของตำแหน่งในหน้า เช่น #feedback',
  reasons: 'ใส่ได้ไม่เกิน 8 เหตุผล ไม่เว้นว่าง',
  reviewUrl: 'ใส่ที่อยู่ https เช่น https://g.page/r/…/review',
  'trigger.delay': 'ใส่จำนวนวินาที 0 ถึง 86400',
  'trigger.event': 'ใส่ชื่อเหตุการณ์ เช่น checkout',
  'trigger.url': 'ใส่เส้นทางของหน้า เช่น /checkout/done หรือ /blog/*',
  'trigger.scroll': 'ใส่เปอร์เซ็นต์ 1 ถึง 100',
  'trigger.pageViews': 'ใส่จำนวนเต็มตั้งแต่ 1 ขึ้นไป',
  'trigger.selector': 'ใส่ตัวเลือก CSS เช่น #help-button',
  cooldownDays: 'ใส่จำนวนวัน 0 ถึง 3650',
  sampleRate: 'ใส่เปอร์เซ็นต์ 0 ถึง 100',
  kioskIdle: 'ใส่จำนวนวินาที 2 ถึง 3600',
  accent: 'ใช้รูปแบบ #rrggbb เช่น #2563eb',
  position: 'เลือกตำแหน่งจากรายการ',
  mode: 'เลือกจากรายการ',
  style: 'เลือกจากรายการ',
};
const thaiText = 'ใส่ข้อความ';

const labelOf = (field: string): Localized =>
  (t.fields as Record<string, Localized>)[field] ??
  (field.startsWith('followUp.') ? t.fields[field.endsWith('.th') ? 'followUpTh' : 'followUpEn']
    : field.startsWith('thankYou.') ? t.fields[field.endsWith('.th') ? 'thankYouTh' : 'thankYouEn'] : t.fields.id);
const problem = (field: string, en: string, th = thaiRules[field] ?? thaiText): FieldProblem => ({ field, label: labelOf(field), message: { en, th } });

/** The form field a path of the SDK's schema stands for (`trigger.delay` → `trigger.delay`, `question` → `question.en`). */
function fieldOfPath(path: string): string {
  const [head, second, third] = path.split('.');
  if (head === 'question') return `question.${second === 'th' ? 'th' : 'en'}`;
  if (head === 'followUp' || head === 'thankYou') {
    const band = (bands as readonly string[]).includes(second) ? second : 'detractor';
    return `${head}.${band}.${(band === second ? third : second) === 'th' ? 'th' : 'en'}`;
  }
  if (head === 'reviewLink') return second === 'label' ? `reviewLabel.${third === 'th' ? 'th' : 'en'}` : 'reviewUrl';
  if (head === 'askContact') return 'askContact';
  if (head === 'trigger') return second ? `trigger.${second}` : 'trigger.delay';
  return head || 'id';
}

const on = (value: string | undefined) => value === 'on' || value === 'true';

function localized(fields: EditorFields, prefix: string): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  for (const lang of langs) {
    const value = (fields[`${prefix}.${lang}`] ?? '').trim();
    if (value) map[lang] = value;
  }
  return Object.keys(map).length ? map : undefined;
}

function byBand(fields: EditorFields, prefix: string) {
  const map: Record<string, Record<string, string>> = {};
  for (const band of bands) {
    const text = localized(fields, `${prefix}.${band}`);
    if (text) map[band] = text;
  }
  return Object.keys(map).length ? map : undefined;
}

type Numbers = Record<string, number>;
/** Reads the number fields; a field that is not a number is a problem, an empty one is left out. */
function readNumbers(fields: EditorFields, names: string[], problems: FieldProblem[]): Numbers {
  const numbers: Numbers = {};
  for (const name of names) {
    const raw = (fields[name] ?? '').trim();
    if (!raw) continue;
    const value = Number(raw);
    if (Number.isFinite(value)) numbers[name] = value;
    else problems.push(problem(name, `must be a number (got "${raw.slice(0, 20)}")`));
  }
  return numbers;
}

/**
 * The editor's form → a widget survey definition, checked with the SDK's survey schema (so what
 * is saved is what the widget accepts), and the preview's look. Problems name the form's fields.
 */
export function surveyFromForm(fields: EditorFields): { survey: SurveyDefinition; look: SurveyLook } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const numbers = readNumbers(fields, ['trigger.delay', 'trigger.scroll', 'trigger.pageViews', 'cooldownDays', 'sampleRate', 'kioskIdle'], problems);
  if (numbers.sampleRate !== undefined && !(numbers.sampleRate >= 0 && numbers.sampleRate <= 100)) problems.push(problem('sampleRate', 'must be a percentage from 0 to 100'));
  const mode = fields.mode || 'popup';
  const trigger: Record<string, unknown> = {};
  for (const name of ['delay', 'scroll', 'pageViews'] as const) if (numbers[`trigger.${name}`] !== undefined) trigger[name] = numbers[`trigger.${name}`];
  for (const name of ['event', 'url', 'selector'] as const) {
    const value = (fields[`trigger.${name}`] ?? '').trim();
    if (value) trigger[name] = value;
  }
  if (on(fields['trigger.exitIntent'])) trigger.exitIntent = true;
  const ways = contactWays.filter((way) => on(fields[`contact.${way}`]));
  const reasons = (fields.reasons ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  const reviewUrl = (fields.reviewUrl ?? '').trim();
  const reviewLabel = localized(fields, 'reviewLabel');
  if (reviewUrl && !reviewLabel) problems.push(problem('reviewLabel.en', 'give the link a text, e.g. "Review us on Google"', 'ใส่ข้อความของลิงก์ เช่น “รีวิวเราบน Google”'));
  const draft: SurveyDefinitionInput = {
    id: (fields.id ?? '').trim(),
    type: fields.type as SurveyDefinitionInput['type'],
    ...(fields.style && fields.style !== 'numbers' ? { style: fields.style as 'smileys' } : {}),
    ...(mode !== 'popup' ? { mode: mode as 'inline' } : {}),
    ...(mode === 'inline' && (fields.target ?? '').trim() ? { target: fields.target.trim() } : {}),
    ...(localized(fields, 'question') ? { question: localized(fields, 'question') } : {}),
    ...(fields.followUp === 'skip' ? { followUp: false as const } : byBand(fields, 'followUp') ? { followUp: byBand(fields, 'followUp') } : {}),
    ...(byBand(fields, 'thankYou') ? { thankYou: byBand(fields, 'thankYou') } : {}),
    ...(reasons.length ? { reasons } : {}),
    ...(on(fields.askContact) ? { askContact: ways.length ? { ways } : true } : {}),
    ...(reviewUrl && reviewLabel ? { reviewLink: { url: reviewUrl, label: reviewLabel } } : {}),
    ...(Object.keys(trigger).length ? { trigger: trigger as SurveyDefinitionInput['trigger'] } : {}),
    ...(numbers.cooldownDays !== undefined ? { cooldownDays: numbers.cooldownDays } : {}),
    ...(numbers.sampleRate !== undefined && numbers.sampleRate !== 100 ? { sampleRate: numbers.sampleRate / 100 } : {}),
    ...(mode === 'kiosk' && numbers.kioskIdle !== undefined ? { kioskIdle: numbers.kioskIdle } : {}),
  };
  const look: SurveyLook = {};
  const accent = (fields.accent ?? '').trim();
  if (accent) {
    if (/^#[0-9a-fA-F]{6}$/.test(accent)) look.accent = accent.toLowerCase();
    else problems.push(problem('accent', 'must be a colour like #2563eb'));
  }
  if (fields.position) {
    if ((positions as readonly string[]).includes(fields.position)) look.position = fields.position as SurveyLook['position'];
    else problems.push(problem('position', `must be one of ${positions.join(', ')}`));
  }
  if ((reservedIds as readonly string[]).includes(draft.id)) problems.push(problem('id', `"${draft.id}" is a page of the editor: pick another id`, `“${draft.id}” เป็นชื่อหน้าของตัวแก้ไข กรุณาใช้รหัสอื่น`));
  const checked = checkSurvey(draft);
  if (!checked.ok) {
    for (const { path, message } of checked.problems) {
      const field = fieldOfPath(path);
      if (!problems.some((p) => p.field === field)) problems.push(problem(field, field === 'sampleRate' ? 'must be a percentage from 0 to 100' : message));
    }
  }
  if (problems.length || !checked.ok) return { problems };
  return { survey: checked.survey, look };
}

const text = (value: unknown, lang: 'en' | 'th'): string =>
  typeof value === 'string' ? (lang === 'en' ? value : '') : value && typeof value === 'object' ? String((value as Record<string, unknown>)[lang] ?? '') : '';

/** A saved definition (and look) → the form's fields, for editing it again. */
export function formFromSurvey(survey: SurveyDefinition, look: SurveyLook = {}): EditorFields {
  const fields: EditorFields = { id: survey.id, type: survey.type, style: survey.style ?? 'numbers', mode: survey.mode ?? 'popup', target: survey.target ?? '' };
  for (const lang of langs) fields[`question.${lang}`] = text(survey.question, lang);
  fields.followUp = survey.followUp === false ? 'skip' : 'ask';
  for (const part of ['followUp', 'thankYou'] as const) {
    const value = survey[part];
    for (const band of bands) {
      for (const lang of langs) {
        const banded = value && typeof value === 'object' && bands.some((b) => b in value) ? (value as Record<string, unknown>)[band] : value;
        fields[`${part}.${band}.${lang}`] = text(banded, lang);
      }
    }
  }
  fields.reasons = (survey.reasons ?? []).join('\n');
  fields.askContact = survey.askContact ? 'on' : '';
  const ways: readonly ContactWay[] = typeof survey.askContact === 'object' ? survey.askContact.ways : [];
  for (const way of contactWays) fields[`contact.${way}`] = ways.includes(way) ? 'on' : '';
  fields.reviewUrl = survey.reviewLink?.url ?? '';
  for (const lang of langs) fields[`reviewLabel.${lang}`] = text(survey.reviewLink?.label, lang);
  const trigger = (survey.trigger ?? {}) as Record<string, unknown>;
  for (const name of triggerNames) {
    const value = trigger[name];
    fields[`trigger.${name}`] = name === 'exitIntent' ? (value ? 'on' : '') : value === undefined ? '' : Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? '' : String(value);
  }
  fields.cooldownDays = survey.cooldownDays === undefined ? '' : String(survey.cooldownDays);
  fields.sampleRate = survey.sampleRate === undefined ? '100' : String(Math.round(survey.sampleRate * 1000) / 10);
  fields.kioskIdle = survey.kioskIdle === undefined ? '' : String(survey.kioskIdle);
  fields.accent = look.accent ?? '#2563eb';
  fields.position = look.position ?? 'bottom-right';
  return fields;
}

export const isMode = (value: string): value is (typeof modes)[number] => (modes as readonly string[]).includes(value);
