import { csatEstimate } from './wilson';
import { meanEstimate, type Moments } from './mean-interval';
import { npsEstimate, type Estimate, type NpsCounts } from './nps-interval';
import { csatChange, meanChange, npsChange, type Change } from './period-change';
import { isEnough } from './enough-answers';

import type { SurveyType } from 'hearback/receiver';

export type { SurveyType };

/** One survey type's scale and bands, as the SDK defines them (`surveyKinds` of `hearback/receiver`). */
export interface KindBands {
  scale: readonly [number, number];
  passiveFrom: number;
  promoterFrom: number;
}
export type Kinds = Record<SurveyType, KindBands>;

/** How many answers of one type had one score: what `GROUP BY type, score` returns. */
export type ScoreCount = {
  type: string;
  score: number;
  count: number;
};

/** Every figure the dashboard shows for one set of answers. */
export interface ScoreMetrics {
  responses: number;
  nps: Estimate & NpsCounts;
  csat: Estimate & { satisfied: number };
  ces: Estimate & { easy: number; easyShare: number | null; moments: Moments };
}

/** The estimate as it is with enough answers; without its range below `ENOUGH_ANSWERS` ("too few answers to tell"). */
const rangedWhenEnough = (estimate: Estimate): Estimate => (isEnough(estimate.responses) ? estimate : { ...estimate, low: null, high: null });

/** NPS, CSAT% and CES with their 95% intervals (none below `ENOUGH_ANSWERS` answers), from per-score counts. */
export function scoreMetrics(counts: readonly ScoreCount[], kinds: Kinds): ScoreMetrics {
  const nps: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  let csatN = 0;
  let satisfied = 0;
  const moments: Moments = { n: 0, sum: 0, sumOfSquares: 0 };
  let easy = 0;
  for (const { type, score, count } of counts) {
    if (type === 'nps') {
      const kind = kinds.nps;
      if (score >= kind.promoterFrom) nps.promoters += count;
      else if (score >= kind.passiveFrom) nps.passives += count;
      else nps.detractors += count;
    } else if (type === 'csat') {
      csatN += count;
      if (score >= kinds.csat.promoterFrom) satisfied += count;
    } else if (type === 'ces') {
      moments.n += count;
      moments.sum += score * count;
      moments.sumOfSquares += score * score * count;
      if (score >= kinds.ces.promoterFrom) easy += count;
    }
  }
  return {
    responses: counts.reduce((sum, row) => sum + row.count, 0),
    nps: { ...rangedWhenEnough(npsEstimate(nps)), ...nps },
    csat: { ...rangedWhenEnough(csatEstimate(satisfied, csatN)), satisfied },
    ces: { ...rangedWhenEnough(meanEstimate(moments, kinds.ces.scale)), easy, easyShare: moments.n ? (100 * easy) / moments.n : null, moments },
  };
}

/** How each score moved from `earlier` to `later`, and whether that is within the noise. */
export function scoreChanges(earlier: ScoreMetrics, later: ScoreMetrics): { nps: Change | null; csat: Change | null; ces: Change | null } {
  return {
    nps: npsChange(earlier.nps, later.nps),
    csat: csatChange({ satisfied: earlier.csat.satisfied, n: earlier.csat.responses }, { satisfied: later.csat.satisfied, n: later.csat.responses }),
    ces: meanChange(earlier.ces.moments, later.ces.moments),
  };
}
