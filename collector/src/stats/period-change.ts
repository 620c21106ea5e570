import { adjustedWald, Z95, type NpsCounts } from './nps-interval';
import { isEnough } from './enough-answers';
import { sampleVariance, type Moments } from './mean-interval';
import { wilsonInterval } from './wilson';

/**
 * The change of a score from an earlier period to a later one, with its 95% interval. When the
 * interval holds 0 the change is within the noise: the two periods may well be equally good.
 */
export interface Change {
  /** later − earlier, on the score's own scale (NPS points, CSAT percentage points, CES points). */
  change: number;
  low: number;
  high: number;
  /** The interval holds 0, or a period has too few answers to tell: never called a real change. */
  withinNoise: boolean;
  /** One of the periods has fewer than `ENOUGH_ANSWERS` answers: "too few answers to tell". */
  tooFew: boolean;
  /** The answers each period rests on: [earlier, later]. */
  responses: [number, number];
}

const change = (value: number, low: number, high: number, sizes: [number, number]): Change => {
  const tooFew = !sizes.every(isEnough);
  return { change: value, low, high, withinNoise: tooFew || (low <= 0 && high >= 0), tooFew, responses: sizes };
};
const total = (c: NpsCounts) => c.promoters + c.passives + c.detractors;

/**
 * NPS change by the adjusted-Wald method for two NPS (Lewis & Sauro, "How to Statistically Compare
 * Two Net Promoter Scores", MeasuringU 2021, after Rocks 2016): each period's counts adjusted
 * (`adjustedWald`), the two periods independent, so the interval is the difference of the adjusted
 * scores ± 1.96·√(Var₁ + Var₂), in points; the change shown is that of the scores as they are.
 * `null` when either period has no answers.
 */
export function npsChange(earlier: NpsCounts, later: NpsCounts): Change | null {
  if (!total(earlier) || !total(later)) return null;
  const score = (c: NpsCounts) => (100 * (c.promoters - c.detractors)) / total(c);
  const value = score(later) - score(earlier);
  const [a, b] = [adjustedWald(earlier), adjustedWald(later)];
  const centre = b.centre - a.centre;
  const margin = 100 * Z95 * Math.sqrt(a.variance + b.variance);
  return change(value, centre - margin, centre + margin, [total(earlier), total(later)]);
}

/**
 * CSAT% change with Newcombe's hybrid score interval (his method 10), built from each period's
 * Wilson interval: it keeps the Wilson interval's good behaviour for small n and shares near 0 or
 * 100%, where the plain normal difference does not.
 */
export function csatChange(earlier: { satisfied: number; n: number }, later: { satisfied: number; n: number }): Change | null {
  if (!earlier.n || !later.n) return null;
  const p1 = earlier.satisfied / earlier.n;
  const p2 = later.satisfied / later.n;
  const w1 = wilsonInterval(earlier.satisfied, earlier.n);
  const w2 = wilsonInterval(later.satisfied, later.n);
  const value = p2 - p1;
  const low = value - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2);
  const high = value + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2);
  return change(100 * value, 100 * low, 100 * high, [earlier.n, later.n]);
}

/** CES mean change: later − earlier ± 1.96·√(s₁²/n₁ + s₂²/n₂) (Welch's standard error, normal quantile). */
export function meanChange(earlier: Moments, later: Moments): Change | null {
  if (earlier.n < 2 || later.n < 2) return null;
  const value = later.sum / later.n - earlier.sum / earlier.n;
  const margin = Z95 * Math.sqrt(sampleVariance(earlier) / earlier.n + sampleVariance(later) / later.n);
  return change(value, value - margin, value + margin, [earlier.n, later.n]);
}
