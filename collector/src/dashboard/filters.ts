import { z } from 'zod';
import { surveyTypes, type SurveyType } from 'hearback/receiver';
import { surveyTypeProblem } from '../surveys/survey-type-choice';
import { addDays, daysBetween, localDate, quarterStart } from './local-date';

export const rangePresets = ['7d', '30d', '90d', 'quarter', 'all'] as const;
export type RangePreset = (typeof rangePresets)[number];

/**
 * What the dashboard, the comments and the exports are narrowed to. Days are the shop's calendar
 * days (`HEARBACK_TIMEZONE`), both ends included.
 */
export interface Filters {
  from?: string;
  to?: string;
  survey?: string;
  type?: SurveyType;
  /** A language (`th`) matches its regional tags too (`th-TH`). */
  language?: string;
  /** Context key → value, all of which must hold (`context.branch=Siam`). */
  context: Record<string, string>;
}

/**
 * A day that exists (`Date.parse` alone rolls 2026-02-30 over to March), within years the database
 * and the previous-period comparison can reach (a period from year 1 compares with one before it).
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-23')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a calendar day (2026-11-23, no 30 February)')
  .refine((v) => v >= '2000-01-01' && v <= '2099-12-31', 'must be a day from 2000-01-01 to 2099-12-31');
const contextKey = /^[A-Za-z0-9_.-]{1,64}$/;

const schema = z.object({
  range: z.enum(rangePresets, { message: `must be one of ${rangePresets.join(', ')}` }).optional(),
  from: date.optional(),
  to: date.optional(),
  survey: z.string().max(200, 'must be at most 200 characters').optional(),
  type: z.enum(surveyTypes, { message: surveyTypeProblem() }).optional(),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a language tag like th or en-GB').optional(),
});

export type FilterResult = { ok: true; filters: Filters } | { ok: false; problems: string[] };

/**
 * Reads filters from a query string: `range` (a preset; default `defaultRange`) or `from`/`to`,
 * `survey`, `type`, `language` and `context.<key>=<value>`. Returns every problem, naming the
 * parameter, instead of guessing.
 */
export function parseFilters(params: URLSearchParams, { now = new Date(), timeZone, defaultRange = '30d' as RangePreset }: { now?: Date; timeZone: string; defaultRange?: RangePreset }): FilterResult {
  const problems: string[] = [];
  const plain: Record<string, string> = {};
  // No prototype: `context.__proto__=x` is a key like any other, not a way to lose the filter.
  const context: Record<string, string> = Object.create(null);
  for (const [name, value] of params) {
    if (name.startsWith('context.')) {
      const key = name.slice('context.'.length);
      if (!contextKey.test(key)) problems.push(`${name}: the key must be 1–64 letters, digits, "_", "." or "-"`);
      else if (value.length > 200) problems.push(`${name}: the value must be at most 200 characters`);
      else context[key] = value;
    } else if (name in schema.shape && value !== '') plain[name] = value;
  }
  const parsed = schema.safeParse(plain);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${JSON.stringify(plain[String(issue.path[0])])} ${issue.message}`);
  if (problems.length || !parsed.success) return { ok: false, problems };
  const { range, from, to, ...rest } = parsed.data;
  const dates = from || to ? { from, to } : presetDates(range ?? defaultRange, localDate(now, timeZone));
  if (dates.from && dates.to && dates.from > dates.to) return { ok: false, problems: [`from: ${dates.from} is after to: ${dates.to}`] };
  return { ok: true, filters: { ...dates, ...rest, context } };
}

/** The days a preset covers, ending today (in the shop's zone). */
export function presetDates(preset: RangePreset, today: string): { from?: string; to?: string } {
  switch (preset) {
    case '7d': return { from: addDays(today, -6), to: today };
    case '30d': return { from: addDays(today, -29), to: today };
    case '90d': return { from: addDays(today, -89), to: today };
    case 'quarter': return { from: quarterStart(today), to: today };
    case 'all': return {};
  }
}

/** The period of the same length just before `filters`' dates (for "changed since"), or undefined. */
export function previousPeriod(filters: Filters): Filters | undefined {
  if (!filters.from || !filters.to) return undefined;
  const length = daysBetween(filters.from, filters.to);
  return { ...filters, from: addDays(filters.from, -length), to: addDays(filters.from, -1) };
}

/** The filters back as a query string (links between views, exports). */
export function filtersToParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'survey', 'type', 'language'] as const) if (filters[key]) params.set(key, filters[key]!);
  for (const [key, value] of Object.entries(filters.context)) params.set(`context.${key}`, value);
  return params;
}
