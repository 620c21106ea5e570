import { describe, expect, it } from 'vitest';
import { periodsBetween, periodStart } from '../src/dashboard/dashboard-queries';
import { parseFilters, presetDates, previousPeriod } from '../src/dashboard/filters';

describe('periods and date ranges of the shop’s calendar', () => {
  it('starts weeks on Monday and months on the first', () => {
    expect(periodStart('2026-11-01', 'week')).toBe('2026-10-26'); // a Sunday
    expect(periodStart('2026-11-30', 'week')).toBe('2026-11-30'); // a Monday
    expect(periodStart('2026-11-30', 'month')).toBe('2026-11-01');
  });

  it('lists every period, and keeps the newest when a range is longer than 400', () => {
    expect(periodsBetween('2026-10-26', '2026-11-30', 'week')).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(periodsBetween('2026-01-01', '2026-03-15', 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    const long = periodsBetween('2000-01-03', '2026-11-30', 'week');
    expect(long).toHaveLength(400);
    expect(long.at(-1)).toBe('2026-11-30');
  });

  it('turns presets into days ending today, and finds the period before', () => {
    expect(presetDates('7d', '2026-11-30')).toEqual({ from: '2026-11-24', to: '2026-11-30' });
    expect(presetDates('quarter', '2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    expect(presetDates('all', '2026-11-30')).toEqual({});
    expect(previousPeriod({ from: '2026-11-24', to: '2026-11-30', context: {} })).toEqual({ from: '2026-11-17', to: '2026-11-23', context: {} });
  });

  it('keeps a context filter named __proto__ as a filter, not dropped on the way', () => {
    const parsed = parseFilters(new URLSearchParams('range=all&context.__proto__=x&context.constructor=y'), { now: new Date('2026-11-30T18:00:00Z'), timeZone: 'Asia/Bangkok' });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(Object.entries(parsed.filters.context)).toEqual([['__proto__', 'x'], ['constructor', 'y']]);
  });

  it('counts today in the shop’s zone: 18:00 UTC on Nov 30 is Dec 1 in Bangkok', () => {
    const parsed = parseFilters(new URLSearchParams('range=7d&context.branch=Siam'), { now: new Date('2026-11-30T18:00:00Z'), timeZone: 'Asia/Bangkok' });
    expect(parsed).toEqual({ ok: true, filters: { from: '2026-11-25', to: '2026-12-01', context: { branch: 'Siam' } } });
  });
});
