/**
 * Score bands, shared by every survey type so one configuration shape works for all:
 * `detractor` (unhappy), `passive`, `promoter` (happy).
 */
export type Band = 'detractor' | 'passive' | 'promoter';

/** What the widget needs of a survey type (kept apart from `SurveyTypeFacts` so the script carries no labels). */
export interface SurveyKind {
  /** Lowest and highest score, inclusive. */
  scale: readonly [number, number];
  /** Lowest score of the passive band and of the promoter band. */
  passiveFrom: number;
  promoterFrom: number;
}

/** Text in the owner's app's two languages. */
export interface Localized {
  en: string;
  th: string;
}

/** What the owner's app shows of a survey type: its name, what it asks, and its headline figure. */
export interface SurveyTypeFacts {
  /** The type's short name, e.g. "NPS". */
  label: Localized;
  /** The name with what it asks and its scale, for a list to choose from. */
  summary: Localized;
  /**
   * The headline figure: `net` = % of promoters − % of detractors, `share` = % in the promoter band,
   * `mean` = the mean score; `range` is where that figure can lie.
   */
  metric: { kind: 'net' | 'share' | 'mean'; range: readonly [number, number] };
}

export function bandOf(kind: SurveyKind, score: number): Band {
  return score >= kind.promoterFrom ? 'promoter' : score >= kind.passiveFrom ? 'passive' : 'detractor';
}
