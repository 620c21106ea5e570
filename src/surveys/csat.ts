import type { SurveyKind, SurveyTypeFacts } from './band';

/** Customer satisfaction: 1–5; 4 and 5 count as satisfied (CSAT%), 3 is neutral. */
export const csatKind: SurveyKind = { scale: [1, 5], passiveFrom: 3, promoterFrom: 4 };

/** CSAT% = share of 4 and 5, 0…100. */
export const csatFacts: SurveyTypeFacts = {
  label: { en: 'CSAT', th: 'CSAT' },
  summary: { en: 'CSAT — how satisfied are you? (1–5)', th: 'CSAT — คุณพอใจแค่ไหน (1–5)' },
  metric: { kind: 'share', range: [0, 100] },
};
