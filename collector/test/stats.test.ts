import { describe, expect, it } from 'vitest';
import { npsEstimate, npsVariance } from '../src/stats/nps-interval';
import { csatEstimate, wilsonInterval } from '../src/stats/wilson';
import { meanEstimate, t95 } from '../src/stats/mean-interval';
import { csatChange, meanChange, npsChange } from '../src/stats/period-change';
import { scoreMetrics, type Kinds } from '../src/stats/score-metrics';

// Every expected number below was worked out by hand (the steps are in the comments), with
// z = 1.96; the code uses z = 1.959964, so they agree to about 0.01.
const kinds: Kinds = {
  nps: { scale: [0, 10], passiveFrom: 7, promoterFrom: 9 },
  csat: { scale: [1, 5], passiveFrom: 3, promoterFrom: 4 },
  ces: { scale: [1, 7], passiveFrom: 4, promoterFrom: 5 },
};

describe('NPS with its adjusted-Wald 95% interval (Rocks 2016)', () => {
  it('50 promoters, 30 passives, 20 detractors', () => {
    // NPS as answered = 100·(0.5 − 0.2) = 30
    // adjusted: 50.75 / 31.5 / 20.75 of n = 103 → p = 0.492718, d = 0.201456, centre = 29.13
    // Var = (p + d − (p − d)²)/n = (0.694175 − 0.084834)/103 = 0.0059159; √Var = 0.076915
    // margin = 100 · 1.96 · 0.076915 = 15.08 → 14.05 … 44.20
    const counts = { promoters: 50, passives: 30, detractors: 20 };
    expect(npsVariance(counts)).toBeCloseTo(0.0061, 10);
    const estimate = npsEstimate(counts);
    expect(estimate.value).toBe(30);
    expect(estimate.low).toBeCloseTo(14.05, 1);
    expect(estimate.high).toBeCloseTo(44.2, 1);
    expect(estimate.responses).toBe(100);
  });

  it('clips the interval to −100…100', () => {
    // 9 promoters, 1 detractor: NPS 80; adjusted 9.75 / 1.5 / 1.75 of 13 → p = 0.75, d = 0.134615
    // centre 61.54; Var = (0.884615 − 0.378698)/13 = 0.038917; margin = 196 · 0.197274 = 38.67
    // → 22.87 … 100.20, clipped to 100
    const estimate = npsEstimate({ promoters: 9, passives: 0, detractors: 1 });
    expect(estimate.value).toBe(80);
    expect(estimate.low).toBeCloseTo(22.87, 1);
    expect(estimate.high).toBe(100);
  });

  it('5 of 5 promoters: NPS 100, but not "100–100" as the plain Wald interval says', () => {
    // adjusted 5.75 / 1.5 / 0.75 of 8 → p = 0.71875, d = 0.09375, centre 62.5
    // Var = (0.8125 − 0.390625)/8 = 0.052734; margin = 196 · 0.229640 = 45.01 → 17.49 … 107.5 → 100
    const estimate = npsEstimate({ promoters: 5, passives: 0, detractors: 0 });
    expect(estimate.value).toBe(100);
    expect(estimate.low).toBeCloseTo(17.49, 1);
    expect(estimate.high).toBe(100);
  });

  it('one detractor alone: NPS −100, interval −100 … about 14', () => {
    // adjusted 0.75 / 1.5 / 1.75 of 4 → p = 0.1875, d = 0.4375, centre −25
    // Var = (0.625 − 0.0625)/4 = 0.140625; margin = 196 · 0.375 = 73.5 → −98.5 … 48.5
    const estimate = npsEstimate({ promoters: 0, passives: 0, detractors: 1 });
    expect(estimate.value).toBe(-100);
    expect(estimate.low).toBeCloseTo(-98.5, 1);
    expect(estimate.high).toBeCloseTo(48.5, 1);
  });

  it('says nothing without answers', () => {
    expect(npsEstimate({ promoters: 0, passives: 0, detractors: 0 })).toEqual({ value: null, low: null, high: null, responses: 0 });
  });
});

describe('CSAT% with the Wilson score interval', () => {
  it('45 satisfied of 60', () => {
    // p = 0.75, z² = 3.8416; denominator = 1 + 3.8416/60 = 1.064027
    // centre = (0.75 + 3.8416/120)/1.064027 = 0.782013/1.064027 = 0.734957
    // half = 1.96·√(0.75·0.25/60 + 3.8416/(4·3600))/1.064027 = 1.96·√0.00339178/1.064027 = 0.107279
    // → 62.77% … 84.22%
    const estimate = csatEstimate(45, 60);
    expect(estimate.value).toBe(75);
    expect(estimate.low).toBeCloseTo(62.77, 1);
    expect(estimate.high).toBeCloseTo(84.22, 1);
  });

  it('stays inside 0…1 at the edges, where the normal interval would not', () => {
    // 5 of 5: centre = (1 + 3.8416/10)/(1 + 3.8416/5) = 1.38416/1.76832 = 0.782755
    // half = 1.96·√(0 + 3.8416/100)/1.76832 = 1.96·0.196/1.76832 = 0.217245 → 0.5655 … 1
    const { low, high } = wilsonInterval(5, 5);
    expect(low).toBeCloseTo(0.5655, 3);
    expect(high).toBe(1);
  });
});

describe('CES mean with its t interval and the share of 5–7', () => {
  it('scores 7, 6, 5, 5, 4, 3', () => {
    // n = 6, Σx = 30 → mean 5; Σx² = 160 → s² = (160 − 30²/6)/5 = 2
    // SE = √(2/6) = 0.57735; t(5) = 2.571 → margin 1.4844 → 3.5156 … 6.4844
    const estimate = meanEstimate({ n: 6, sum: 30, sumOfSquares: 160 }, [1, 7]);
    expect(estimate.value).toBe(5);
    expect(estimate.low).toBeCloseTo(3.5156, 3);
    expect(estimate.high).toBeCloseTo(6.4844, 3);
    // 7, 6, 5, 5 are 5–7: 4 of 6
    const metrics = scoreMetrics([7, 6, 5, 5, 4, 3].map((score) => ({ type: 'ces', score, count: 1 })), kinds);
    expect(metrics.ces.easyShare).toBeCloseTo(66.667, 2);
  });

  it('uses the t table for small samples and its expansion beyond 30', () => {
    expect(t95(5)).toBe(2.571);
    // exact t(60) = 2.0003
    expect(t95(60)).toBeCloseTo(2.0003, 3);
    expect(meanEstimate({ n: 1, sum: 4, sumOfSquares: 16 }, [1, 7])).toMatchObject({ value: 4, low: 1, high: 7 });
  });
});

describe('is a change between two periods within the noise?', () => {
  it('NPS 10 → 30 on 100 answers each is within the noise; on 1,000 each it is not', () => {
    // adjusted-Wald for two NPS: earlier 40.75 / 31.5 / 30.75 of 103 → centre 9.71, Var = 0.0066480;
    // later 50.75 / 31.5 / 20.75 of 103 → centre 29.13, Var = 0.0059159
    // difference of centres 19.42 ± 100 · 1.96 · √0.0125639 = 21.97 → −2.55 … 41.39; the change shown is 20
    const small = npsChange({ promoters: 40, passives: 30, detractors: 30 }, { promoters: 50, passives: 30, detractors: 20 });
    expect(small!.change).toBeCloseTo(20, 10);
    expect(small!.low).toBeCloseTo(-2.55, 1);
    expect(small!.high).toBeCloseTo(41.39, 1);
    expect(small!.withinNoise).toBe(true);
    expect(small!.tooFew).toBe(false);
    // ten times the answers: centres 9.97 and 29.91, Var 0.00068740 + 0.00060812
    // 19.94 ± 196 · 0.0359933 = 7.05 → 12.89 … 26.99
    const large = npsChange({ promoters: 400, passives: 300, detractors: 300 }, { promoters: 500, passives: 300, detractors: 200 });
    expect(large!.low).toBeCloseTo(12.89, 1);
    expect(large!.withinNoise).toBe(false);
  });

  it('never calls a change real when a period has fewer than ten answers', () => {
    // one detractor this week against 40 promoters before: a −200 point swing, but one answer tells nothing
    const change = npsChange({ promoters: 40, passives: 0, detractors: 0 }, { promoters: 0, passives: 0, detractors: 1 });
    expect(change!.change).toBe(-200);
    expect(change!.tooFew).toBe(true);
    expect(change!.withinNoise).toBe(true);
    expect(csatChange({ satisfied: 9, n: 9 }, { satisfied: 0, n: 30 })!.tooFew).toBe(true);
  });

  it('CSAT% 75% → 90% of 60 each, by Newcombe’s interval from the two Wilson intervals', () => {
    // Wilson 45/60 = 0.627678 … 0.842236; 54/60: centre 0.875929, half 0.077428 → 0.798501 … 0.953356
    // low  = 0.15 − √((0.9 − 0.798501)² + (0.842236 − 0.75)²) = 0.15 − 0.137148 = 0.012852
    // high = 0.15 + √((0.953356 − 0.9)² + (0.75 − 0.627678)²) = 0.15 + 0.133453 = 0.283453
    const change = csatChange({ satisfied: 45, n: 60 }, { satisfied: 54, n: 60 });
    expect(change!.change).toBeCloseTo(15, 10);
    expect(change!.low).toBeCloseTo(1.29, 1);
    expect(change!.high).toBeCloseTo(28.35, 1);
    expect(change!.withinNoise).toBe(false);
  });

  it('CES 5 → 6 on six answers each is within the noise', () => {
    // earlier s² = 2, later 7,7,6,6,5,5: s² = (220 − 36²/6)/5 = 0.8
    // margin = 1.96 · √(2/6 + 0.8/6) = 1.96 · 0.683130 = 1.3389 → −0.339 … 2.339
    const change = meanChange({ n: 6, sum: 30, sumOfSquares: 160 }, { n: 6, sum: 36, sumOfSquares: 220 });
    expect(change!.change).toBe(1);
    expect(change!.low).toBeCloseTo(-0.339, 2);
    expect(change!.high).toBeCloseTo(2.339, 2);
    expect(change!.withinNoise).toBe(true);
    expect(change!.tooFew).toBe(true);
  });

  it('has no answer when a period is empty', () => {
    expect(npsChange({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 1, passives: 0, detractors: 0 })).toBeNull();
  });
});

describe('scoreMetrics reads the bands from the survey kinds', () => {
  it('counts NPS bands and CSAT 4–5 from grouped rows', () => {
    const metrics = scoreMetrics(
      [
        { type: 'nps', score: 10, count: 5 }, { type: 'nps', score: 9, count: 45 }, { type: 'nps', score: 8, count: 30 },
        { type: 'nps', score: 6, count: 20 }, { type: 'csat', score: 5, count: 40 }, { type: 'csat', score: 4, count: 5 },
        { type: 'csat', score: 3, count: 15 },
      ],
      kinds,
    );
    expect(metrics.nps).toMatchObject({ promoters: 50, passives: 30, detractors: 20, value: 30 });
    expect(metrics.csat).toMatchObject({ satisfied: 45, responses: 60, value: 75 });
    expect(metrics.responses).toBe(160);
  });
});

describe('too few answers to tell', () => {
  it('gives no range below ten answers and the range from ten up', () => {
    const nine = scoreMetrics([{ type: 'nps', score: 10, count: 9 }, { type: 'csat', score: 5, count: 9 }, { type: 'ces', score: 6, count: 9 }], kinds);
    for (const estimate of [nine.nps, nine.csat, nine.ces]) expect(estimate).toMatchObject({ low: null, high: null, responses: 9 });
    expect(nine.nps.value).toBe(100);
    const ten = scoreMetrics([{ type: 'nps', score: 10, count: 10 }], kinds);
    // adjusted 10.75 / 1.5 / 0.75 of 13 → centre 76.92, Var = (0.884615 − 0.591716)/13 = 0.022531 → 47.50 … 100
    expect(ten.nps.low).toBeCloseTo(47.5, 1);
    expect(ten.nps.high).toBe(100);
  });
});
