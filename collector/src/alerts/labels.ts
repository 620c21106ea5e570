import { surveyTypeRegistry, surveyTypes } from 'hearback/receiver';
import type { Band, SurveyType } from './answer';

const typeLabels = (lang: 'en' | 'th') => Object.fromEntries(surveyTypes.map((type) => [type, surveyTypeRegistry[type].label[lang]])) as Record<SurveyType, string>;

export type AlertLocale = 'th' | 'en';

/** Every word an alert or a digest says, in Thai and English. */
export interface AlertLabels {
  dateLocale: string;
  band: Record<Band, string>;
  type: Record<SurveyType, string>;
  alertTitle: string;
  testTitle: string;
  testNote: string;
  score: string;
  survey: string;
  comment: string;
  noComment: string;
  answeredAt: string;
  reasons: string;
  contact: string;
  contactYes: string;
  /** The field naming how to reach the customer, and each way. */
  reachBy: string;
  via: { phone: string; email: string; line: string };
  openCase: string;
  overdueTitle: string;
  dueAt: string;
  assignee: string;
  nobody: string;
  context: Record<string, string>;
  digestTitle: string;
  digestAnswers: string;
  answerCount: (count: number) => string;
  digestNoAnswers: string;
  digestUnhappy: string;
  digestMore: string;
  digestOpen: string;
}

const th: AlertLabels = {
  dateLocale: 'th-TH',
  band: { detractor: 'ไม่พอใจ', passive: 'เฉย ๆ', promoter: 'พอใจ' },
  type: typeLabels('th'),
  alertTitle: 'คำตอบใหม่ที่ควรดู',
  testTitle: 'ทดสอบการแจ้งเตือนจาก hearback',
  testNote: 'นี่คือข้อความทดสอบ ช่องทางนี้พร้อมรับการแจ้งเตือนแล้ว',
  score: 'คะแนน',
  survey: 'แบบสอบถาม',
  comment: 'ความคิดเห็น',
  noComment: '(ไม่มีความคิดเห็น)',
  answeredAt: 'ตอบเมื่อ',
  reasons: 'เหตุผล',
  contact: 'ติดต่อกลับ',
  contactYes: 'ลูกค้ายินดีให้ติดต่อกลับ',
  reachBy: 'ติดต่อลูกค้าทาง',
  via: { phone: 'โทร', email: 'อีเมล', line: 'LINE ID' },
  openCase: 'เปิดเคส',
  overdueTitle: 'เคสเลยกำหนด ยังไม่มีใครติดต่อลูกค้า',
  dueAt: 'ครบกำหนด',
  assignee: 'ผู้รับผิดชอบ',
  nobody: 'ยังไม่มี',
  context: { orderId: 'คำสั่งซื้อ', branch: 'สาขา', touchpoint: 'จุดที่ถาม', product: 'สินค้า', channel: 'ช่องทาง', name: 'ชื่อลูกค้า', phone: 'โทรศัพท์', email: 'อีเมล', userId: 'รหัสลูกค้า' },
  digestTitle: 'สรุปประจำวัน',
  digestAnswers: 'คำตอบ',
  answerCount: (count) => `${count.toLocaleString('th-TH')} คำตอบ`,
  digestNoAnswers: 'ไม่มีคำตอบในวันนี้',
  digestUnhappy: 'ลูกค้าที่ไม่พอใจ',
  digestMore: 'และอีก',
  digestOpen: 'ดูทั้งหมด',
};

const en: AlertLabels = {
  dateLocale: 'en-GB',
  band: { detractor: 'detractor', passive: 'passive', promoter: 'promoter' },
  type: typeLabels('en'),
  alertTitle: 'New answer to look at',
  testTitle: 'Test alert from hearback',
  testNote: 'This is a test message: this channel is ready for alerts.',
  score: 'Score',
  survey: 'Survey',
  comment: 'Comment',
  noComment: '(no comment)',
  answeredAt: 'Answered',
  reasons: 'Reasons',
  contact: 'Contact',
  contactYes: 'agreed to be contacted',
  reachBy: 'Reach them by',
  via: { phone: 'Phone', email: 'Email', line: 'LINE ID' },
  openCase: 'Open the case',
  overdueTitle: 'Overdue: nobody has contacted this customer yet',
  dueAt: 'Due',
  assignee: 'Assigned to',
  nobody: 'nobody yet',
  context: { orderId: 'Order', branch: 'Branch', touchpoint: 'Touchpoint', product: 'Product', channel: 'Channel', name: 'Customer', phone: 'Phone', email: 'Email', userId: 'Customer id' },
  digestTitle: 'Daily digest',
  digestAnswers: 'Answers',
  answerCount: (count) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'answer' : 'answers'}`,
  digestNoAnswers: 'No answers this day.',
  digestUnhappy: 'Unhappy customers',
  digestMore: 'and more:',
  digestOpen: 'See them all',
};

export function alertLabels(locale: AlertLocale): AlertLabels {
  return locale === 'th' ? th : en;
}
