import { bandOf, type Band } from './band';
import { surveyKinds, type SurveyType } from './kinds';

/** The part of an answer the metrics read. */
export interface Scored {
  type: SurveyType;
  score: number;
}

export interface Metric {
  /** NPS −100…100; CSAT% 0…100; CES mean 1…7. `null` with no responses. */
  score: number | null;
  responses: number;
  bands: Record<Band, number>;
}

function summarise(type: Scored['type'], answers: readonly Scored[]) {
  const scores = answers.filter((answer) => answer.type === type).map((answer) => answer.score);
  const bands: Record<Band, number> = { detractor: 0, passive: 0, promoter: 0 };
  for (const score of scores) bands[bandOf(surveyKinds[type], score)]++;
  return { scores, bands, responses: scores.length };
}

const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/**
 * NPS = % promoters (9–10) − % detractors (0–6), rounded to one decimal once, from the difference
 * (rounding each share first would make 2 promoters and 1 detractor 66.7 − 33.3 = 33.4, not 33.3).
 * Reads `type: 'nps'` only.
 */
export function nps(answers: readonly Scored[]): Metric {
  const { bands, responses } = summarise('nps', answers);
  const score = responses ? percent(bands.promoter - bands.detractor, responses) : null;
  return { score, responses, bands };
}

/** CSAT% = share of 4 and 5 among CSAT answers. */
export function csat(answers: readonly Scored[]): Metric {
  const { bands, responses } = summarise('csat', answers);
  return { score: responses ? percent(bands.promoter, responses) : null, responses, bands };
}

/** CES = mean score (1–7, two decimals); `easyShare` = % of answers 5–7. */
export function ces(answers: readonly Scored[]): Metric & { easyShare: number | null } {
  const { scores, bands, responses } = summarise('ces', answers);
  const mean = responses ? Math.round((scores.reduce((sum, s) => sum + s, 0) / responses) * 100) / 100 : null;
  return { score: mean, responses, bands, easyShare: responses ? percent(bands.promoter, responses) : null };
}
