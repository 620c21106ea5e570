import { describe, expect, it } from 'vitest';
import { addDays } from '../src/dashboard/local-date';
import { MAX_RUNS, splitDays } from '../src/dashboard/rollups/day-runs';

describe('splitting a range between rollups and answers', () => {
  it('reads from the answers every day that has no rollup, open ends included', () => {
    expect(splitDays({}, [])).toEqual({ rolled: [], raw: [{}] });
    expect(splitDays({}, ['2026-11-03', '2026-11-01', '2026-11-02', '2026-11-05'])).toEqual({
      rolled: [{ from: '2026-11-01', to: '2026-11-03' }, { from: '2026-11-05', to: '2026-11-05' }],
      raw: [{ to: '2026-10-31' }, { from: '2026-11-04', to: '2026-11-04' }, { from: '2026-11-06' }],
    });
    expect(splitDays({ from: '2026-11-02', to: '2026-11-05' }, ['2026-11-01', '2026-11-02', '2026-11-05', '2026-11-09'])).toEqual({
      rolled: [{ from: '2026-11-02', to: '2026-11-02' }, { from: '2026-11-05', to: '2026-11-05' }],
      raw: [{ from: '2026-11-03', to: '2026-11-04' }],
    });
    expect(splitDays({ from: '2026-11-01', to: '2026-11-30' }, [])).toEqual({ rolled: [], raw: [{ from: '2026-11-01', to: '2026-11-30' }] });
    // Runs across a month's and a year's end are one run.
    expect(splitDays({}, ['2026-12-31', '2027-01-01']).rolled).toEqual([{ from: '2026-12-31', to: '2027-01-01' }]);
  });

  it(`keeps the ${MAX_RUNS} longest runs when the days are scattered, and reads the rest from the answers`, () => {
    // Every other day for 100 days (50 runs of one day), and one run of 10 days after.
    const scattered = Array.from({ length: 50 }, (_, i) => addDays('2026-01-01', i * 2));
    const long = Array.from({ length: 10 }, (_, i) => addDays('2026-05-01', i));
    const { rolled, raw } = splitDays({ from: '2026-01-01', to: '2026-06-30' }, [...scattered, ...long]);
    expect(rolled).toHaveLength(MAX_RUNS);
    expect(rolled).toContainEqual({ from: '2026-05-01', to: '2026-05-10' });
    // Every day of the range is in exactly one part.
    const covered = new Map<string, number>();
    const mark = (from: string, to: string) => {
      for (let day = from; day <= to; day = addDays(day, 1)) covered.set(day, (covered.get(day) ?? 0) + 1);
    };
    for (const run of rolled) mark(run.from, run.to);
    for (const range of raw) mark(range.from!, range.to!);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
    expect(covered.size).toBe(181);
  });
});
