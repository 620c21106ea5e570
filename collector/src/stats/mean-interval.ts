import { Z95, type Estimate } from './nps-interval';

// Two-sided 95% quantiles of Student's t for 1…30 degrees of freedom.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The two-sided 95% t quantile: the table up to 30 degrees of freedom, then the Cornish–Fisher
 * expansion around the normal quantile (within 0.001 of the exact value from 30 up).
 */
export function t95(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Number.POSITIVE_INFINITY;
  if (degreesOfFreedom <= 30) return T95[Math.floor(degreesOfFreedom) - 1];
  const z = Z95;
  const df = degreesOfFreedom;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** What a mean's interval needs, as SQL aggregates give it: count, Σx and Σx². */
export interface Moments {
  n: number;
  sum: number;
  sumOfSquares: number;
}

/** The sample variance (n − 1 in the denominator) from the moments; 0 below two values. */
export function sampleVariance({ n, sum, sumOfSquares }: Moments): number {
  if (n < 2) return 0;
  return Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
}

/**
 * A mean with its 95% t interval: mean ± t(n−1)·s/√n, clipped to the scale. With one value the
 * interval is the whole scale (nothing is known about the spread).
 */
export function meanEstimate(moments: Moments, scale: readonly [number, number]): Estimate {
  const { n, sum } = moments;
  if (!n) return { value: null, low: null, high: null, responses: 0 };
  const mean = sum / n;
  if (n < 2) return { value: mean, low: scale[0], high: scale[1], responses: n };
  const margin = t95(n - 1) * Math.sqrt(sampleVariance(moments) / n);
  return { value: mean, low: Math.max(scale[0], mean - margin), high: Math.min(scale[1], mean + margin), responses: n };
}
