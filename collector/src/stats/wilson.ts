import { Z95, type Estimate } from './nps-interval';

/**
 * The Wilson score interval of a proportion (successes out of n), as shares 0…1. Unlike the
 * normal ±z·√(p(1−p)/n) it never leaves 0…1 and stays honest for small n and shares near 0 or 1.
 *   centre = (p + z²/2n) / (1 + z²/n), half-width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
 */
export function wilsonInterval(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (!n) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** CSAT% = 100 · satisfied / n, with its 95% Wilson interval in percent. */
export function csatEstimate(satisfied: number, n: number): Estimate {
  if (!n) return { value: null, low: null, high: null, responses: 0 };
  const { low, high } = wilsonInterval(satisfied, n);
  return { value: (100 * satisfied) / n, low: 100 * low, high: 100 * high, responses: n };
}
