/** A score with its 95% confidence interval, on the score's own scale. */
export interface Estimate {
  /** `null` when there are no responses. */
  value: number | null;
  low: number | null;
  high: number | null;
  responses: number;
}

/** The two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

/** Counts of one NPS question's answers by band. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * The variance of (p − d) for one respondent's value (+1 promoter, 0 passive, −1 detractor) over
 * n respondents: Var = (p + d − (p − d)²) / n, with p and d the promoter and detractor shares.
 */
export function npsVariance({ promoters, passives, detractors }: NpsCounts): number {
  const n = promoters + passives + detractors;
  if (!n) return 0;
  const p = promoters / n;
  const d = detractors / n;
  return (p + d - (p - d) ** 2) / n;
}

/**
 * NPS = 100·(p − d) with the normal 95% interval ±1.96·√Var·100, clipped to −100…100. Exact
 * (unrounded) numbers: round where they are shown.
 */
export function npsEstimate(counts: NpsCounts): Estimate {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (!n) return { value: null, low: null, high: null, responses: 0 };
  const value = (100 * (counts.promoters - counts.detractors)) / n;
  const margin = 100 * Z95 * Math.sqrt(npsVariance(counts));
  return { value, low: Math.max(-100, value - margin), high: Math.min(100, value + margin), responses: n };
}
