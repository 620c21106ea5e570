import { randomBytes } from 'node:crypto';
import type { FieldProblem } from '../shell/field-problems';
import type { Localized } from '../shell/lang';
import type { ChannelInput, Channel } from './channel-store';
import { channelConfigSchemas, secretFields, type ChannelKind } from './channels/channel-config';
import { checkedAddress, DestinationRefused, type DestinationPolicy } from './channels/destination';
import { refusedDestination } from './delivery-text';
import { clockTime } from './quiet-hours';

export interface FieldSpec {
  name: string;
  label: Localized;
  input: 'text' | 'password' | 'url' | 'email' | 'number' | 'select';
  /** What is allowed, shown under the field and in its error. */
  hint: Localized;
  options?: { value: string; label: Localized }[];
  optional?: boolean;
  autocomplete?: string;
}

/** The settings each kind of channel asks for, in the order the form shows them. */
export const channelFields: Record<ChannelKind, FieldSpec[]> = {
  line: [
    {
      name: 'to', label: { en: 'User or group id', th: 'User ID หรือ Group ID' }, input: 'text',
      hint: { en: 'U followed by 32 characters for a person, C… for a group: groups the bot is in are listed on the LINE page.', th: 'U ตามด้วยอักษร 32 ตัวสำหรับบุคคล หรือ C… สำหรับกลุ่ม กลุ่มที่บอทอยู่จะแสดงในหน้า LINE' },
    },
    {
      name: 'token', label: { en: 'Channel access token', th: 'โทเคนเข้าถึงช่อง (Channel access token)' }, input: 'password', optional: true,
      hint: { en: 'The long-lived token from the LINE Developers console, Messaging API tab. Leave empty to use the account connected on the LINE page.', th: 'โทเคนแบบใช้งานระยะยาวจาก LINE Developers console แท็บ Messaging API เว้นว่างเพื่อใช้บัญชีที่เชื่อมต่อในหน้า LINE' },
    },
  ],
  slack: [
    {
      name: 'webhookUrl', label: { en: 'Incoming webhook URL', th: 'URL ของ Incoming webhook' }, input: 'password',
      hint: { en: 'https://hooks.slack.com/services/… from your Slack app\'s Incoming Webhooks page.', th: 'https://hooks.slack.com/services/… จากหน้า Incoming Webhooks ของแอป Slack' },
    },
  ],
  discord: [
    {
      name: 'webhookUrl', label: { en: 'Webhook URL', th: 'URL ของ Webhook' }, input: 'password',
      hint: { en: 'https://discord.com/api/webhooks/… from the channel\'s Integrations settings.', th: 'https://discord.com/api/webhooks/… จากการตั้งค่า Integrations ของห้อง' },
    },
  ],
  email: [
    { name: 'host', label: { en: 'SMTP server', th: 'เซิร์ฟเวอร์ SMTP' }, input: 'text', hint: { en: 'e.g. smtp.gmail.com', th: 'เช่น smtp.gmail.com' } },
    { name: 'port', label: { en: 'Port', th: 'พอร์ต' }, input: 'number', hint: { en: '465 for TLS, 587 for STARTTLS.', th: '465 สำหรับ TLS, 587 สำหรับ STARTTLS' } },
    {
      name: 'security', label: { en: 'Encryption', th: 'การเข้ารหัส' }, input: 'select', hint: { en: 'How the connection is protected.', th: 'วิธีป้องกันการเชื่อมต่อ' },
      options: [
        { value: 'tls', label: { en: 'TLS (port 465)', th: 'TLS (พอร์ต 465)' } },
        { value: 'starttls', label: { en: 'STARTTLS (port 587)', th: 'STARTTLS (พอร์ต 587)' } },
        { value: 'none', label: { en: 'None (a server on this machine only)', th: 'ไม่เข้ารหัส (เฉพาะเซิร์ฟเวอร์ในเครื่องนี้)' } },
      ],
    },
    { name: 'user', label: { en: 'User name', th: 'ชื่อผู้ใช้' }, input: 'text', optional: true, autocomplete: 'off', hint: { en: 'Usually the sending address. Empty if the server needs no login.', th: 'มักเป็นอีเมลผู้ส่ง เว้นว่างหากเซิร์ฟเวอร์ไม่ต้องเข้าสู่ระบบ' } },
    { name: 'password', label: { en: 'Password', th: 'รหัสผ่าน' }, input: 'password', optional: true, hint: { en: 'For Gmail, an app password.', th: 'สำหรับ Gmail ใช้รหัสผ่านสำหรับแอป' } },
    { name: 'from', label: { en: 'From address', th: 'อีเมลผู้ส่ง' }, input: 'email', hint: { en: 'e.g. alerts@shop.example', th: 'เช่น alerts@shop.example' } },
    { name: 'to', label: { en: 'Send to', th: 'ส่งถึง' }, input: 'text', hint: { en: 'One or more addresses, separated by commas.', th: 'อีเมลหนึ่งหรือหลายรายการ คั่นด้วยจุลภาค' } },
  ],
  webhook: [
    { name: 'url', label: { en: 'Receiver URL', th: 'URL ของระบบที่รับ' }, input: 'url', hint: { en: 'Where each alert is POSTed as signed JSON.', th: 'ปลายทางที่รับการแจ้งเตือนแต่ละรายการเป็น JSON ที่ลงนามแล้ว' } },
    {
      name: 'secret', label: { en: 'Signing secret', th: 'รหัสลับสำหรับลงนาม' }, input: 'password', optional: true,
      hint: { en: 'A whsec_… secret. Leave empty to have one made for you (shown once).', th: 'รหัสลับรูปแบบ whsec_… เว้นว่างเพื่อให้ระบบสร้างให้ (แสดงครั้งเดียว)' },
    },
  ],
};

export const commonLabels = {
  name: { en: 'Name', th: 'ชื่อ' },
  quietFrom: { en: 'Quiet hours from', th: 'เวลางดแจ้งเตือนเริ่ม' },
  quietTo: { en: 'Quiet hours until', th: 'เวลางดแจ้งเตือนสิ้นสุด' },
  digestHour: { en: 'Daily digest', th: 'สรุปประจำวัน' },
  locale: { en: 'Language', th: 'ภาษา' },
} satisfies Record<string, Localized>;

const commonProblems = {
  name: { en: 'must be 1 to 80 characters', th: 'ต้องมี 1 ถึง 80 ตัวอักษร' },
  quiet: { en: 'quiet hours need both times, as HH:MM (e.g. 22:00 and 07:00), or neither', th: 'ต้องกรอกทั้งสองเวลาในรูปแบบ HH:MM (เช่น 22:00 และ 07:00) หรือเว้นว่างทั้งคู่' },
  digestHour: { en: 'must be an hour from 0 to 23, or no digest', th: 'ต้องเป็นชั่วโมง 0 ถึง 23 หรือไม่ส่งสรุป' },
  locale: { en: 'must be Thai or English', th: 'ต้องเป็นภาษาไทยหรืออังกฤษ' },
} satisfies Record<string, Localized>;

const retypeSecret = {
  en: 'was saved with a HEARBACK_SECRET_KEY this app does not have: type it again',
  th: 'ถูกบันทึกด้วย HEARBACK_SECRET_KEY ที่ระบบนี้ไม่มี กรุณาพิมพ์ใหม่',
} satisfies Localized;

export type { FieldProblem };

const retypeForNewHost = {
  en: 'the server changed: type it again, so what was saved for the old server is not sent to the new one',
  th: 'เซิร์ฟเวอร์เปลี่ยนไป กรุณาพิมพ์ใหม่ เพื่อไม่ให้ค่าที่บันทึกไว้สำหรับเซิร์ฟเวอร์เดิมถูกส่งไปยังเซิร์ฟเวอร์ใหม่',
} satisfies Localized;

/** A secret kept from the saved channel only while the server it is for stays the same. */
const boundSecrets: Partial<Record<ChannelKind, { secret: string; server: string }>> = {
  email: { secret: 'password', server: 'host' },
  webhook: { secret: 'secret', server: 'url' },
};

/** The server a field names, to compare: a URL's host and port, else the name, in lower case. */
function serverOf(value: unknown): string {
  const text = String(value ?? '').trim().toLowerCase();
  try {
    return /^https?:\/\//.test(text) ? new URL(text).host : text;
  } catch {
    return text;
  }
}

export type ChannelFormResult =
  | { ok: true; input: ChannelInput; generatedSecret: string | null }
  | { ok: false; problems: FieldProblem[] };

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Reads the channel form. A secret left empty keeps the saved one (the form never holds it); a new
 * webhook without a secret gets a generated one, which the page shows once.
 */
export function parseChannelForm(kind: ChannelKind, fields: Record<string, string>, existing: Channel | null): ChannelFormResult {
  const problems: FieldProblem[] = [];
  const name = (fields.name ?? '').trim();
  if (!name || [...name].length > 80) problems.push({ field: 'name', label: commonLabels.name, message: commonProblems.name });
  const locale = fields.locale === 'en' ? 'en' : fields.locale === 'th' ? 'th' : null;
  if (!locale) problems.push({ field: 'locale', label: commonLabels.locale, message: commonProblems.locale });
  const quietFrom = (fields.quietFrom ?? '').trim();
  const quietTo = (fields.quietTo ?? '').trim();
  const quietOk = (!quietFrom && !quietTo) || (clockTime.test(quietFrom) && clockTime.test(quietTo));
  if (!quietOk) problems.push({ field: 'quietFrom', label: commonLabels.quietFrom, message: commonProblems.quiet });
  const digestRaw = (fields.digestHour ?? '').trim();
  const digestHour = digestRaw === '' ? null : /^\d{1,2}$/.test(digestRaw) && Number(digestRaw) <= 23 ? Number(digestRaw) : NaN;
  if (Number.isNaN(digestHour)) problems.push({ field: 'digestHour', label: commonLabels.digestHour, message: commonProblems.digestHour });

  const config: Record<string, string> = {};
  let generatedSecret: string | null = null;
  for (const spec of channelFields[kind]) {
    const typed = fields[spec.name] ?? '';
    const saved = existing?.config[spec.name];
    // A secret left empty (or only spaces) keeps the saved one; an SMTP password is kept as typed,
    // spaces and all; everything else is trimmed.
    if (!typed.trim() && existing?.unreadableSecrets.includes(spec.name)) {
      // Saved under a key this collector does not have: keeping "nothing" would lose it for good.
      problems.push({ field: spec.name, label: spec.label, message: retypeSecret });
      continue;
    }
    if (!typed.trim() && secretFields[kind].includes(spec.name) && typeof saved === 'string' && saved) config[spec.name] = saved;
    else config[spec.name] = spec.name === 'password' ? typed : typed.trim();
  }
  const bound = boundSecrets[kind];
  if (bound && existing && !(fields[bound.secret] ?? '').trim() && existing.config[bound.secret] && serverOf(config[bound.server]) !== serverOf(existing.config[bound.server])) {
    // The saved secret was for the old server: never hand it to a new one unasked.
    const spec = channelFields[kind].find((field) => field.name === bound.secret)!;
    if (!problems.some((p) => p.field === spec.name)) problems.push({ field: spec.name, label: spec.label, message: retypeForNewHost });
    config[bound.secret] = '';
  }
  if (kind === 'webhook' && !config.secret && !existing?.unreadableSecrets.includes('secret') && !problems.some((p) => p.field === 'secret')) config.secret = generatedSecret = newWebhookSecret();
  const parsed = channelConfigSchemas[kind].safeParse(config);
  if (!parsed.success) {
    const wrong = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    for (const spec of channelFields[kind]) {
      if (wrong.has(spec.name) && !problems.some((p) => p.field === spec.name)) problems.push({ field: spec.name, label: spec.label, message: spec.hint });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    generatedSecret,
    input: { name, kind, locale: locale!, config, quiet: quietFrom ? { from: quietFrom, to: quietTo } : null, digestHour: digestHour as number | null },
  };
}

/** The fields of each kind that name where alerts go (checked with `checkedAddress` on save). */
const destinationFields: Partial<Record<ChannelKind, string>> = { slack: 'webhookUrl', discord: 'webhookUrl', webhook: 'url', email: 'host' };

/**
 * Where a channel would send, checked as a send checks it: a name is resolved and each address
 * judged. Problems for the form, in Thai and English. A name that does not resolve now is let
 * through (DNS may be away for a moment); every send checks again.
 */
export async function destinationProblems(kind: ChannelKind, config: Record<string, unknown>, policy: DestinationPolicy): Promise<FieldProblem[]> {
  const field = destinationFields[kind];
  if (!field || typeof config[field] !== 'string') return [];
  const value = config[field] as string;
  let host: string;
  try {
    host = field === 'host' ? value : new URL(value).hostname;
  } catch {
    return [];
  }
  try {
    await checkedAddress(host, policy);
    return [];
  } catch (error) {
    if (!(error instanceof DestinationRefused) || error.why === 'unresolved') return [];
    const spec = channelFields[kind].find((f) => f.name === field)!;
    return [{ field, label: spec.label, message: refusedDestination(error.host, error.why) }];
  }
}
