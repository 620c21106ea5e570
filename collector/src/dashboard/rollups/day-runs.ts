import { addDays } from '../local-date';

/** Days from `from` to `to`, both included (YYYY-MM-DD); an end left out is open. */
export interface DayRange {
  from?: string;
  to?: string;
}

/** Rollup runs the SQL spells out at most; days in shorter runs beyond these are read from answers. */
export const MAX_RUNS = 40;

/**
 * Splits the days of `range` between the rollups and the answers: `rolled` are runs of
 * consecutive rolled-up days (the longest `MAX_RUNS`), `raw` the ranges left, each read from the
 * answers. `days` are the rolled-up days available (YYYY-MM-DD, any order).
 */
export function splitDays(range: DayRange, days: readonly string[]): { rolled: Required<DayRange>[]; raw: DayRange[] } {
  const inRange = [...new Set(days)].filter((day) => (!range.from || day >= range.from) && (!range.to || day <= range.to)).sort();
  let runs: Required<DayRange>[] = [];
  for (const day of inRange) {
    const last = runs.at(-1);
    if (last && addDays(last.to, 1) === day) last.to = day;
    else runs.push({ from: day, to: day });
  }
  if (runs.length > MAX_RUNS) {
    const length = (run: Required<DayRange>) => Date.parse(run.to) - Date.parse(run.from);
    runs = [...runs].sort((a, b) => length(b) - length(a)).slice(0, MAX_RUNS).sort((a, b) => a.from.localeCompare(b.from));
  }
  const raw: DayRange[] = [];
  // The first day not yet covered; undefined before the first run of an open-ended range.
  let cursor: string | undefined = range.from;
  for (const run of runs) {
    if (cursor === undefined || cursor < run.from) raw.push({ ...(cursor ? { from: cursor } : {}), to: addDays(run.from, -1) });
    cursor = addDays(run.to, 1);
  }
  if (!runs.length) raw.push({ ...range });
  else if (!range.to || cursor! <= range.to) raw.push({ from: cursor, ...(range.to ? { to: range.to } : {}) });
  return { rolled: runs, raw };
}
