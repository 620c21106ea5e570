import type { SurveyKind } from './band';

/** Customer effort: 1–7; 5–7 count as easy, 4 is neutral. */
export const cesKind: SurveyKind = { scale: [1, 7], passiveFrom: 4, promoterFrom: 5 };
