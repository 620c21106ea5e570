import type { Lang } from '../app-env';
import { fill, type Localized } from '../shell/lang';
import type { DeliveryReason, RefusedWhy } from './channels/delivery-error';

const why: Record<RefusedWhy, Localized> = {
  metadata: { en: 'a cloud metadata address, never allowed', th: 'เป็นที่อยู่ metadata ของคลาวด์ ซึ่งไม่อนุญาตเลย' },
  'link-local': { en: 'a link-local address (169.254.x.x, fe80::), never allowed', th: 'เป็นที่อยู่ link-local (169.254.x.x, fe80::) ซึ่งไม่อนุญาตเลย' },
  private: {
    en: 'an address inside this network (loopback or private); allowed only with HEARBACK_ALLOW_PRIVATE_DESTINATIONS=1',
    th: 'เป็นที่อยู่ภายในเครือข่ายนี้ (loopback หรือ private) อนุญาตเฉพาะเมื่อตั้ง HEARBACK_ALLOW_PRIVATE_DESTINATIONS=1',
  },
  reserved: { en: 'a reserved address that cannot receive alerts', th: 'เป็นที่อยู่สงวนที่รับการแจ้งเตือนไม่ได้' },
  unresolved: { en: 'a name with no address (check the spelling)', th: 'เป็นชื่อที่หาที่อยู่ไม่พบ (ตรวจการสะกด)' },
};

const text = {
  refused: { en: '{host} is not allowed: {why}', th: '{host} ไม่ได้รับอนุญาต: {why}' },
  unreachable: { en: 'could not connect to {host}', th: 'เชื่อมต่อกับ {host} ไม่ได้' },
  timeout: { en: '{host} did not answer in time', th: '{host} ไม่ตอบภายในเวลาที่กำหนด' },
  status: { en: '{host} answered {status} ({meaning})', th: '{host} ตอบกลับ {status} ({meaning})' },
  smtpStatus: { en: 'the mail server {host} answered {status} ({meaning})', th: 'เซิร์ฟเวอร์อีเมล {host} ตอบกลับ {status} ({meaning})' },
  smtpLogin: { en: 'the mail server {host} refused the user name or password', th: 'เซิร์ฟเวอร์อีเมล {host} ไม่ยอมรับชื่อผู้ใช้หรือรหัสผ่าน' },
  smtpTls: { en: 'could not set up encryption with the mail server {host}', th: 'ตั้งค่าการเข้ารหัสกับเซิร์ฟเวอร์อีเมล {host} ไม่สำเร็จ' },
  smtpAddress: { en: 'the mail server {host} refused the sender or a recipient address', th: 'เซิร์ฟเวอร์อีเมล {host} ไม่ยอมรับอีเมลผู้ส่งหรือผู้รับ' },
  unreadable: {
    en: 'its {fields} cannot be decrypted (saved with a HEARBACK_SECRET_KEY this app does not have): edit the channel and type it again',
    th: 'ถอดรหัส {fields} ไม่ได้ (บันทึกด้วย HEARBACK_SECRET_KEY ที่ระบบนี้ไม่มี) กรุณาแก้ไขช่องทางแล้วพิมพ์ใหม่',
  },
  incomplete: { en: 'its settings are incomplete: edit the channel', th: 'การตั้งค่าไม่ครบ กรุณาแก้ไขช่องทาง' },
  unknown: { en: 'it could not be sent', th: 'ส่งไม่สำเร็จ' },
  capped: {
    en: 'held back: this channel already had {perHour} alerts in the last hour; the answer is in the inbox and counted in the daily digest',
    th: 'ระงับไว้: ช่องทางนี้ได้รับการแจ้งเตือนครบ {perHour} รายการในชั่วโมงที่ผ่านมาแล้ว คำตอบอยู่ในกล่องข้อความและนับรวมในสรุปประจำวัน',
  },
} satisfies Record<string, Localized>;

/** What an HTTP status means for the owner, in a few words. */
function httpMeaning(status: number): Localized {
  if (status === 401 || status === 403) return { en: 'it refused the token or address: check them', th: 'ปลายทางไม่ยอมรับโทเคนหรือที่อยู่ กรุณาตรวจสอบ' };
  if (status === 404 || status === 410) return { en: 'no such address: check the URL', th: 'ไม่พบที่อยู่นี้ กรุณาตรวจ URL' };
  if (status === 429) return { en: 'too many messages; it will be tried again', th: 'ส่งถี่เกินไป จะลองใหม่ภายหลัง' };
  if (status >= 500) return { en: 'a problem on its side; it will be tried again', th: 'ปลายทางมีปัญหา จะลองใหม่ภายหลัง' };
  if (status >= 300 && status < 400) return { en: 'it redirects elsewhere, which alerts do not follow: use the final URL', th: 'ปลายทางส่งต่อไปที่อื่น ซึ่งการแจ้งเตือนไม่ตาม กรุณาใช้ URL ปลายทางจริง' };
  return { en: 'it did not accept the message', th: 'ปลายทางไม่รับข้อความ' };
}

function smtpMeaning(status: number): Localized {
  return status < 500
    ? { en: 'a temporary problem; it will be tried again', th: 'ปัญหาชั่วคราว จะลองใหม่ภายหลัง' }
    : { en: 'it refused the message', th: 'เซิร์ฟเวอร์ไม่รับข้อความ' };
}

/** Why a destination is refused, for the channel form: `{host} is not allowed: …`. */
export const refusedDestination = (host: string, reason: RefusedWhy): Localized => ({
  en: fill(text.refused.en, { host, why: why[reason].en }),
  th: fill(text.refused.th, { host, why: why[reason].th }),
});

/** A delivery's failure as the owner and staff read it: status and a short reason, in `lang`. */
export function describeDelivery(reason: DeliveryReason, lang: Lang): string {
  switch (reason.code) {
    case 'refused': return fill(text.refused[lang], { host: reason.host, why: why[reason.why][lang] });
    case 'unreachable': return fill(text.unreachable[lang], { host: reason.host });
    case 'timeout': return fill(text.timeout[lang], { host: reason.host });
    case 'status': return fill(text.status[lang], { host: reason.host, status: reason.status, meaning: httpMeaning(reason.status)[lang] });
    case 'smtp-status': return fill(text.smtpStatus[lang], { host: reason.host, status: reason.status, meaning: smtpMeaning(reason.status)[lang] });
    case 'smtp-login': return fill(text.smtpLogin[lang], { host: reason.host });
    case 'smtp-tls': return fill(text.smtpTls[lang], { host: reason.host });
    case 'smtp-address': return fill(text.smtpAddress[lang], { host: reason.host });
    case 'unreadable': return fill(text.unreadable[lang], { fields: reason.fields.join(', ') });
    case 'incomplete': return text.incomplete[lang];
    case 'unknown': return text.unknown[lang];
    case 'capped': return fill(text.capped[lang], { perHour: reason.perHour });
  }
}

/** How a failure is stored in `alert_deliveries.last_error`: the reason as JSON. */
export const storedReason = (reason: DeliveryReason): string => JSON.stringify(reason);

/**
 * A stored `last_error` in `lang`. Errors stored before reasons were (free text that may hold the
 * far side's reply) show only the status they name, or that the alert could not be sent.
 */
export function describeStored(lastError: string, lang: Lang): string {
  try {
    const reason = JSON.parse(lastError) as DeliveryReason;
    if (reason && typeof reason === 'object' && typeof reason.code === 'string') return describeDelivery(reason, lang);
  } catch {
    // stored before reasons were
  }
  const old = /^(\S+) answered (\d{3})\b/.exec(lastError);
  return describeDelivery(old ? { code: 'status', host: old[1], status: Number(old[2]) } : { code: 'unknown' }, lang);
}
