import type { SurveyKind, SurveyTypeFacts } from './band';

/** Net Promoter Score: 0–10; detractors 0–6, passives 7–8, promoters 9–10. */
export const npsKind: SurveyKind = { scale: [0, 10], passiveFrom: 7, promoterFrom: 9 };

/** NPS = % promoters − % detractors, −100…100. */
export const npsFacts: SurveyTypeFacts = {
  label: { en: 'NPS', th: 'NPS' },
  summary: { en: 'NPS — would you recommend us? (0–10)', th: 'NPS — คุณจะแนะนำเราให้คนอื่นไหม (0–10)' },
  metric: { kind: 'net', range: [-100, 100] },
};
