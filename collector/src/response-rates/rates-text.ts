import type { Localized } from '../shell/lang';

/** The words of the response-rate view, in every interface language. */
export const ratesText = {
  title: { en: 'Response rate', th: 'อัตราการตอบ' },
  lead: {
    en: 'How many people were asked, answered and left a comment — and where the rest stopped. "Shown" counts the prompts pages reported (the snippet\'s shown reports); answers come from the same surveys and channels.',
    th: 'มีกี่คนที่ถูกถาม ตอบ และแสดงความคิดเห็น และคนที่เหลือหยุดตรงไหน "แสดง" นับจากรายงานการแสดงแบบสอบถามของหน้าเว็บ (shown reports ของโค้ดฝัง) คำตอบนับจากแบบสอบถามและช่องทางเดียวกัน',
  },
  period: { en: 'Period', th: 'ช่วงเวลา' },
  lastDays: { en: 'Last {days} days', th: '{days} วันล่าสุด' },
  survey: { en: 'Survey', th: 'แบบสอบถาม' },
  allSurveys: { en: 'All surveys', th: 'ทุกแบบสอบถาม' },
  by: { en: 'Break down by', th: 'แยกตาม' },
  byChannel: { en: 'Channel only', th: 'ช่องทางเท่านั้น' },
  show: { en: 'Show', th: 'แสดง' },
  channel: { en: 'Channel', th: 'ช่องทาง' },
  value: { en: 'Value', th: 'ค่า' },
  shown: { en: 'Shown', th: 'แสดง' },
  answered: { en: 'Answered', th: 'ตอบ' },
  commented: { en: 'Commented', th: 'แสดงความคิดเห็น' },
  leftAtScore: { en: 'Left at the score', th: 'ออกก่อนให้คะแนน' },
  leftAtFollowUp: { en: 'Left at the follow-up', th: 'ออกก่อนตอบคำถามต่อ' },
  ofShown: { en: '{rate} of shown', th: '{rate} ของที่แสดง' },
  ofAnswered: { en: '{rate} of answers', th: '{rate} ของคำตอบ' },
  notReported: { en: 'no shown reports', th: 'ไม่มีรายงานการแสดง' },
  none: { en: 'Nothing shown or answered in this period.', th: 'ไม่มีการแสดงหรือคำตอบในช่วงนี้' },
  live: { en: 'Surveys live on the website', th: 'แบบสอบถามที่ใช้งานบนเว็บไซต์' },
  liveLead: {
    en: 'Surveys pages reported showing, or answered from a website, in this period.',
    th: 'แบบสอบถามที่หน้าเว็บรายงานว่าแสดง หรือมีคำตอบจากเว็บไซต์ ในช่วงนี้',
  },
  lastAnswer: { en: 'Last answer', th: 'คำตอบล่าสุด' },
  rate: { en: 'Response rate', th: 'อัตราการตอบ' },
  never: { en: 'none yet', th: 'ยังไม่มี' },
  noLive: { en: 'No survey has been shown or answered on a website in this period.', th: 'ยังไม่มีแบบสอบถามที่แสดงหรือได้รับคำตอบบนเว็บไซต์ในช่วงนี้' },
  web: { en: 'Website', th: 'เว็บไซต์' },
  kiosk: { en: 'Kiosk', th: 'คีออสก์' },
  link: { en: 'Survey link', th: 'ลิงก์แบบสอบถาม' },
  howTo: {
    en: 'Shown reports come from pages whose snippet has data-shown-url (the snippet builder adds it).',
    th: 'รายงานการแสดงมาจากหน้าเว็บที่โค้ดฝังมี data-shown-url (ตัวสร้างโค้ดฝังใส่ให้)',
  },
} satisfies Record<string, Localized>;
