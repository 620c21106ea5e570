import type { Localized } from '../shell/lang';

/** The snippet page's words (its script keeps the words it writes while the owner types). */
export const snippetText = {
  nav: { en: 'Snippet', th: 'สคริปต์' },
  title: { en: 'Put the survey on your site', th: 'ติดแบบสอบถามบนเว็บไซต์ของคุณ' },
  lead: {
    en: 'Copy this snippet into every page of your site, before </head>, once. It carries only this app’s address: the surveys you publish in the app reach your site within a minute, and the answers come back here. The page never needs to change again.',
    th: 'คัดลอกสคริปต์นี้ไปวางก่อน </head> ในทุกหน้าของเว็บไซต์เพียงครั้งเดียว สคริปต์มีเพียงที่อยู่ของแอปนี้ แบบสอบถามที่คุณเผยแพร่ในแอปจะไปถึงเว็บไซต์ภายในหนึ่งนาที และคำตอบจะกลับมาที่นี่ ไม่ต้องแก้ไขหน้าเว็บอีก',
  },
  siteCheck: { en: 'Check your site', th: 'ตรวจสอบเว็บไซต์ของคุณ' },
  site: { en: "Your site's address", th: 'ที่อยู่เว็บไซต์ของคุณ' },
  siteHint: { en: 'Where you will paste the snippet, e.g. https://shop.example', th: 'เว็บไซต์ที่จะวางสคริปต์ เช่น https://shop.example' },
  code: { en: 'Your snippet', th: 'สคริปต์ของคุณ' },
  oneTag: { en: 'One tag: paste it before </head> on every page.', th: 'แท็กเดียว: วางก่อน </head> ในทุกหน้า' },
  copy: { en: 'Copy snippet', th: 'คัดลอกสคริปต์' },
  surveys: {
    en: 'What to ask, when, and in which language is set in the app: publish a survey there and it shows on your site, no new snippet needed. Which prompts were shown is reported back, for the response rate.',
    th: 'คำถาม เวลาที่ถาม และภาษา ตั้งค่าได้ในแอป เผยแพร่แบบสอบถามแล้วจะแสดงบนเว็บไซต์ของคุณทันที ไม่ต้องสร้างสคริปต์ใหม่ และจะรายงานกลับมาว่าแสดงไปกี่ครั้ง เพื่อดูอัตราการตอบ',
  },
  pinned: {
    en: 'The script is pinned to version {version} with its integrity hash: the browser refuses it if a byte changes. Build a new snippet after upgrading.',
    th: 'สคริปต์ล็อกไว้ที่เวอร์ชัน {version} พร้อมค่าตรวจสอบความถูกต้อง เบราว์เซอร์จะไม่ยอมรันหากไฟล์ถูกแก้ไข สร้างสคริปต์ใหม่หลังอัปเกรด',
  },
} satisfies Record<string, Localized>;
