import type { SurveyKind } from './band';

/** Customer satisfaction: 1–5; 4 and 5 count as satisfied (CSAT%), 3 is neutral. */
export const csatKind: SurveyKind = { scale: [1, 5], passiveFrom: 3, promoterFrom: 4 };
