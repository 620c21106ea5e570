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
 * The adjusted-Wald counts (Rocks 2016, "Interval Estimation for the 'Net Promoter Score'", The
 * American Statistician 70(4)): ¾ added to promoters and to detractors, 3 to n (so 1½ to passives).
 * Like Agresti–Coull for one proportion, it keeps the interval honest at small n, where the plain
 * Wald interval collapses: 5 of 5 promoters would give 100…100.
 */
export function adjustedCounts({ promoters, passives, detractors }: NpsCounts): NpsCounts {
  return { promoters: promoters + 0.75, passives: passives + 1.5, detractors: detractors + 0.75 };
}

/** 100·(p − d) of the adjusted counts, and its margin ±1.96·√Var·100: the centre and half-width of the interval. */
export function adjustedWald(counts: NpsCounts): { centre: number; variance: number } {
  const adjusted = adjustedCounts(counts);
  const n = adjusted.promoters + adjusted.passives + adjusted.detractors;
  return { centre: (100 * (adjusted.promoters - adjusted.detractors)) / n, variance: npsVariance(adjusted) };
}

/**
 * NPS = 100·(p − d) from the answers as they are, with the adjusted-Wald 95% interval
 * (`adjustedWald`), clipped to −100…100. Exact (unrounded) numbers: round where they are shown.
 */
export function npsEstimate(counts: NpsCounts): Estimate {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (!n) return { value: null, low: null, high: null, responses: 0 };
  const value = (100 * (counts.promoters - counts.detractors)) / n;
  const { centre, variance } = adjustedWald(counts);
  const margin = 100 * Z95 * Math.sqrt(variance);
  return { value, low: Math.max(-100, centre - margin), high: Math.min(100, centre + margin), responses: n };
}
