import type { SurveyKind, SurveyTypeFacts } from './band';

/** Customer effort: 1–7; 5–7 count as easy, 4 is neutral. */
export const cesKind: SurveyKind = { scale: [1, 7], passiveFrom: 4, promoterFrom: 5 };

/** CES = the mean score, 1…7 (and the share of 5–7). */
export const cesFacts: SurveyTypeFacts = {
  label: { en: 'CES', th: 'CES' },
  summary: { en: 'CES — how easy was it? (1–7)', th: 'CES — ง่ายแค่ไหน (1–7)' },
  metric: { kind: 'mean', range: [1, 7] },
};
