import type { SurveyDefinitionInput } from 'hearback/receiver';

/**
 * The editor's starting points: a relational NPS (the built-in question, a few page views in, once
 * a quarter), a transactional CSAT after checkout and a CES after support. Each passes the SDK's
 * survey schema (a test checks it).
 */
export const surveyTemplates = {
  'nps-relational': {
    id: 'nps', type: 'nps',
    followUp: {
      detractor: { en: 'What is the one thing we should do better?', th: 'เรื่องไหนที่เราควรปรับปรุงมากที่สุด' },
      passive: { en: 'What would make us a 10 for you?', th: 'ต้องทำอย่างไรคุณถึงจะให้เรา 10 คะแนน' },
      promoter: { en: 'What do you like most about us?', th: 'คุณชอบอะไรในร้านเรามากที่สุด' },
    },
    trigger: { pageViews: 3 },
    cooldownDays: 90,
  },
  'csat-checkout': {
    id: 'after-checkout', type: 'csat',
    question: { en: 'How satisfied are you with your checkout today?', th: 'คุณพอใจกับการชำระเงินวันนี้มากน้อยแค่ไหน' },
    trigger: { event: 'checkout' },
    cooldownDays: 1,
  },
  'ces-support': {
    id: 'after-support', type: 'ces',
    question: { en: 'How easy was it to get the help you needed today?', th: 'วันนี้การขอความช่วยเหลือจากเราง่ายแค่ไหน' },
    trigger: { event: 'support-closed' },
    cooldownDays: 1,
  },
} satisfies Record<string, SurveyDefinitionInput>;

export type TemplateName = keyof typeof surveyTemplates;
export const isTemplateName = (name: string): name is TemplateName => Object.hasOwn(surveyTemplates, name);
