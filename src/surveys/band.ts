/**
 * Score bands, shared by every survey type so one configuration shape works for all:
 * `detractor` (unhappy), `passive`, `promoter` (happy).
 */
export type Band = 'detractor' | 'passive' | 'promoter';

export interface SurveyKind {
  /** Lowest and highest score, inclusive. */
  scale: readonly [number, number];
  /** Lowest score of the passive band and of the promoter band. */
  passiveFrom: number;
  promoterFrom: number;
}

export function bandOf(kind: SurveyKind, score: number): Band {
  return score >= kind.promoterFrom ? 'promoter' : score >= kind.passiveFrom ? 'passive' : 'detractor';
}
