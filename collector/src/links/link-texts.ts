import type { Lang } from '../app-env';

/** The two languages every links page speaks: the app's interface languages. */
export type LinkLocale = Lang;

/** `th` or `en` when `value` names one (a `?lang=` parameter), else `fallback` (the interface language). */
export function pickLinkLocale(value: string | undefined | null, fallback: LinkLocale): LinkLocale {
  return value === 'th' || value === 'en' ? value : fallback;
}

/** Every piece of text the survey page, the printables and the owner's links pages show. */
export const linkTexts = {
  en: {
    pageTitle: 'Tell us how we did',
    switchTo: 'ภาษาไทย',
    queued: 'Saved on this phone. It is sent by itself when the signal is back; keep this page open until it says “Sent”.',
    sent: 'Sent: your answer has reached the shop.',
    alreadyCounted: 'This order’s answer is already counted. Thank you!',
    orderRequired: 'This link needs the order number from your receipt. Please scan the code on your receipt again.',
    notSigned: 'This link is incomplete or was changed, so it cannot take an answer. Please scan the code on your receipt again, or ask the shop for a new link.',
    notFound: 'This survey does not exist (any more). Please ask the shop for a new link.',
    noScript: 'This survey needs JavaScript. Please turn it on and reload the page.',
    debugTitle: 'Debug: link context',
    debugUsed: 'Sent with the answer',
    debugIgnored: 'Ignored',
    scanToTell: 'Scan to tell us how we did',
    scanHint: 'Point your phone camera at the code. It takes 10 seconds.',
    orVisit: 'or open',
  },
  th: {
    pageTitle: 'บอกเราหน่อยว่าเราทำได้ดีแค่ไหน',
    switchTo: 'English',
    queued: 'บันทึกไว้ในโทรศัพท์แล้ว จะส่งเองเมื่อสัญญาณกลับมา กรุณาเปิดหน้านี้ไว้จนขึ้นว่า “ส่งแล้ว”',
    sent: 'ส่งแล้ว คำตอบของคุณถึงร้านแล้ว',
    alreadyCounted: 'คำตอบของออเดอร์นี้นับไปแล้ว ขอบคุณค่ะ',
    orderRequired: 'ลิงก์นี้ต้องมีเลขออเดอร์จากใบเสร็จ กรุณาสแกนโค้ดบนใบเสร็จอีกครั้ง',
    notSigned: 'ลิงก์นี้ไม่ครบหรือถูกแก้ไข จึงรับคำตอบไม่ได้ กรุณาสแกนโค้ดบนใบเสร็จอีกครั้ง หรือขอลิงก์ใหม่จากร้าน',
    notFound: 'ไม่พบแบบสอบถามนี้ (หรือถูกลบไปแล้ว) กรุณาขอลิงก์ใหม่จากร้าน',
    noScript: 'แบบสอบถามนี้ต้องใช้ JavaScript กรุณาเปิดใช้งานแล้วโหลดหน้านี้อีกครั้ง',
    debugTitle: 'ดีบัก: ข้อมูลจากลิงก์',
    debugUsed: 'ส่งไปกับคำตอบ',
    debugIgnored: 'ไม่ใช้',
    scanToTell: 'สแกนเพื่อบอกเราว่าเราทำได้ดีแค่ไหน',
    scanHint: 'ส่องกล้องโทรศัพท์ที่โค้ดนี้ ใช้เวลาแค่ 10 วินาที',
    orVisit: 'หรือเปิด',
  },
} as const satisfies Record<LinkLocale, Record<string, string>>;

export type LinkTexts = (typeof linkTexts)['en'] | (typeof linkTexts)['th'];
