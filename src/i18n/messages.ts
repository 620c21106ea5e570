import { matchLocale } from './resolve-locale';

/**
 * Built-in prompt wording per language. Each table is one `|`-separated string (compact) in the
 * order of `keys` below. English and Thai ship with the prompt; every other language is a file of
 * its own in `languages/`, loaded only when a prompt is shown in it (`language-imports.ts`, or the
 * script tag's language chunks) and passed in as `extra`. Thai is NFC-composed.
 */
// The question and the two anchors of each survey type (`nps`, `npsLow`, `npsHigh`, …), then the rest.
const keys = [
  'nps', 'csat', 'ces', 'npsLow', 'npsHigh', 'csatLow', 'csatHigh', 'cesLow', 'cesHigh',
  'followUp', 'send', 'skip', 'close', 'thanks', 'other', 'contact', 'waiting', 'minimise', 'feedback',
  'done', 'phone', 'email', 'line', 'phoneError', 'emailError', 'lineError', 'contactNeeded',
] as const;

export type MessageKey = (typeof keys)[number];
export type Messages = Record<MessageKey, string>;

const tables: Record<string, string> = {
  en: 'How likely are you to recommend us to a friend or colleague?|How would you rate your overall satisfaction with what you received?|How easy was it to deal with us today?|Not at all likely|Extremely likely|Very dissatisfied|Very satisfied|Very difficult|Very easy|What is the main reason for your score?|Send|Skip|Close|Thank you for your feedback!|Other|You may contact me about my answer|Answers waiting for the network: {n}|Minimise|Feedback|Done|Phone|Email|LINE ID|Enter a phone number: 6–15 digits|Enter an email address like name@example.com|Enter a LINE ID: 4–20 letters, digits, ".", "_" or "-"|Leave a way to reach you, or untick the box',
  th: 'ในระดับ 0 ถึง 10 คุณมีโอกาสแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยแค่ไหน|คุณจะให้คะแนนความพึงพอใจโดยรวมกับสิ่งที่คุณได้รับอย่างไร|วันนี้การติดต่อกับเราง่ายแค่ไหน|ไม่มีโอกาสเลย|มีโอกาสมากที่สุด|ไม่พอใจมาก|พอใจมาก|ยากมาก|ง่ายมาก|เหตุผลหลักที่คุณให้คะแนนนี้คืออะไร|ส่ง|ข้าม|ปิด|ขอบคุณสำหรับความคิดเห็นของคุณ|อื่น ๆ|ติดต่อฉันเกี่ยวกับคำตอบนี้ได้|คำตอบที่รอเครือข่าย: {n}|ย่อหน้าต่าง|ความคิดเห็น|เสร็จ|เบอร์โทรศัพท์|อีเมล|LINE ID|กรอกเบอร์โทรศัพท์ 6–15 หลัก|กรอกอีเมล เช่น name@example.com|กรอก LINE ID 4–20 ตัว ใช้ a–z, 0–9, ".", "_" หรือ "-"|กรอกช่องทางติดต่ออย่างน้อยหนึ่งช่อง หรือเอาเครื่องหมายถูกออก',
};

/** Languages written right to left (of those shipped, and common ones an override may use). */
export const isRtl = (locale: string) => /^(ar|he|fa|ur)\b/i.test(locale);

/**
 * The messages for a tag (`th`, `pt-BR` → `pt`) from the built-in tables and `extra` (language tag →
 * table, as `languages/*.ts` export them); English for anything else.
 */
export function messagesFor(locale: string, extra: Record<string, string> = {}): Messages {
  const all = { ...tables, ...extra };
  const table = all[matchLocale(locale, Object.keys(all)) ?? 'en'];
  const parts = table.split('|');
  return Object.fromEntries(keys.map((key, i) => [key, parts[i]])) as Messages;
}

/** The languages built into the prompt (the others are in `languages/`; a unit test keeps `locales.ts` equal to both). */
export const builtInLocales = () => Object.keys(tables);
