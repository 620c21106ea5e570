import type { FieldProblem } from '../shell/field-problems';
import type { Localized } from '../shell/lang';
import type { ChannelInput, Channel } from './channel-store';
import { channelKindSpec, type ChannelKind } from './channels/channel-kinds';
import { checkedAddress, DestinationRefused, type DestinationPolicy } from './channels/destination';
import { refusedDestination } from './delivery-text';
import { clockTime } from './quiet-hours';

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

const retypeForPlainText = {
  en: 'the connection is no longer encrypted: type it again to send it without encryption',
  th: 'การเชื่อมต่อไม่เข้ารหัสแล้ว กรุณาพิมพ์ใหม่หากต้องการส่งโดยไม่เข้ารหัส',
} satisfies Localized;

const retypeForNewHost = {
  en: 'the server changed: type it again, so what was saved for the old server is not sent to the new one',
  th: 'เซิร์ฟเวอร์เปลี่ยนไป กรุณาพิมพ์ใหม่ เพื่อไม่ให้ค่าที่บันทึกไว้สำหรับเซิร์ฟเวอร์เดิมถูกส่งไปยังเซิร์ฟเวอร์ใหม่',
} satisfies Localized;

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

  const { schema, fields: kindFields } = channelKindSpec(kind);
  const config: Record<string, string> = {};
  let generatedSecret: string | null = null;
  for (const spec of kindFields) {
    const typed = fields[spec.name] ?? '';
    const saved = existing?.config[spec.name];
    // A secret left empty (or only spaces) keeps the saved one; a `keepSpaces` setting (an SMTP
    // password) is kept as typed, spaces and all; everything else is trimmed.
    if (!typed.trim() && existing?.unreadableSecrets.includes(spec.name)) {
      // Saved under a key this collector does not have: keeping "nothing" would lose it for good.
      problems.push({ field: spec.name, label: spec.label, message: retypeSecret });
      continue;
    }
    if (!typed.trim() && spec.secret && typeof saved === 'string' && saved) config[spec.name] = saved;
    else config[spec.name] = spec.keepSpaces ? typed : typed.trim();
  }
  for (const spec of kindFields) {
    // A saved secret the form left empty is kept only while it goes where, and as, it went before.
    if (!existing || (fields[spec.name] ?? '').trim() || !existing.config[spec.name]) continue;
    const { boundTo: server, notKeptWhen: weaker } = spec;
    // For the old server: never handed to a new one unasked. Saved while the connection was
    // encrypted: never sent in the clear unasked.
    const moved = server !== undefined && serverOf(config[server]) !== serverOf(existing.config[server]);
    const plain = weaker !== undefined && config[weaker.field] === weaker.value && existing.config[weaker.field] !== weaker.value;
    const retype = moved ? retypeForNewHost : plain ? retypeForPlainText : undefined;
    if (!retype) continue;
    if (!problems.some((p) => p.field === spec.name)) problems.push({ field: spec.name, label: spec.label, message: retype });
    config[spec.name] = '';
  }
  for (const spec of kindFields) {
    if (spec.generate && !config[spec.name] && !existing?.unreadableSecrets.includes(spec.name) && !problems.some((p) => p.field === spec.name)) config[spec.name] = generatedSecret = spec.generate();
  }
  const parsed = schema.safeParse(config);
  if (!parsed.success) {
    const wrong = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    for (const spec of kindFields) {
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

/**
 * Where a channel would send, checked as a send checks it: a name is resolved and each address
 * judged. Problems for the form, in Thai and English. A name that does not resolve now is let
 * through (DNS may be away for a moment); every send checks again.
 */
export async function destinationProblems(kind: ChannelKind, config: Record<string, unknown>, policy: DestinationPolicy): Promise<FieldProblem[]> {
  const spec = channelKindSpec(kind).fields.find((setting) => setting.destination);
  if (!spec || typeof config[spec.name] !== 'string') return [];
  const field = spec.name;
  const value = config[field] as string;
  let host: string;
  try {
    host = spec.destination === 'host' ? value : new URL(value).hostname;
  } catch {
    return [];
  }
  try {
    await checkedAddress(host, policy);
    return [];
  } catch (error) {
    if (!(error instanceof DestinationRefused) || error.why === 'unresolved') return [];
    return [{ field, label: spec.label, message: refusedDestination(error.host, error.why) }];
  }
}
