import type { SurveyKind } from './band';

/** Net Promoter Score: 0–10; detractors 0–6, passives 7–8, promoters 9–10. */
export const npsKind: SurveyKind = { scale: [0, 10], passiveFrom: 7, promoterFrom: 9 };
