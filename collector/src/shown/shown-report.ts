import { z } from 'zod';
import { dataBoundsProblem, unstorableTextProblem, utf8Length } from 'hearback/receiver';

/** At most this many prompts in one report (the widget sends one report per page view). */
export const maxShownEntries = 20;
/** A report's body is refused unread past this (20 entries with full contexts fit). */
export const maxShownBodyBytes = 64 * 1024;

/** One prompt shown, as the widget reports it (contract: `shownUrl`). */
export interface ShownEntry {
  survey: string;
  type: string;
  mode?: 'popup' | 'inline' | 'kiosk';
  locale: string;
  url: string;
  context?: Record<string, unknown>;
  at: string;
}

const isoUtc = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;
const maxSkewMs = 5 * 60_000;
const maxAgeMs = 365 * 86_400_000;

const entrySchema = (types: readonly string[]) => z.object({
  survey: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  type: z.string({ error: 'must be a string' }).refine((type) => types.includes(type), `must be one of ${types.map((t) => `"${t}"`).join(', ')}`),
  mode: z.enum(['popup', 'inline', 'kiosk'], { error: 'must be "popup", "inline" or "kiosk" when present' }).optional(),
  locale: z.string({ error: 'must be a language tag' }).max(35, 'must be at most 35 characters'),
  url: z.string({ error: 'must be a string' }).max(2048, 'must be at most 2,048 characters'),
  context: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional()
    .superRefine((context, ctx) => {
      const problem = context === undefined ? undefined : dataBoundsProblem(context);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  at: z.string({ error: 'must be an ISO 8601 UTC timestamp' }).regex(isoUtc, 'must be an ISO 8601 UTC timestamp').refine((at) => !Number.isNaN(Date.parse(at)), 'must be an ISO 8601 UTC timestamp'),
});

export type ShownParse = { ok: true; shown: ShownEntry[] } | { ok: false; problems: string[] };

/**
 * Checks a shown report (`{ v: 1, shown: [{ survey, type, mode, locale, url, context, at }] }`):
 * at most 20 entries, each with the answer payload's bounds (survey id, locale, url, a `context`
 * at most 5 levels deep and 4,096 bytes as JSON), `at` no more than 5 minutes ahead of `now` nor
 * more than a year before it. Never throws: every problem is a readable line naming its place.
 */
export function parseShownReport(body: string, { types, now }: { types: readonly string[]; now: Date }): ShownParse {
  const bytes = utf8Length(body);
  if (bytes > maxShownBodyBytes) return refuse(`body is ${bytes} bytes; the limit is ${maxShownBodyBytes}`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return refuse(`body is not valid JSON: ${(error as Error).message}`);
  }
  const schema = z.object({
    v: z.literal(1, { error: 'must be 1 (report version)' }),
    shown: z.array(entrySchema(types), { error: 'must be a list of the prompts shown' })
      .min(1, 'must list at least one prompt').max(maxShownEntries, `must list at most ${maxShownEntries} prompts (send more reports)`),
  }, { error: 'body must be one object: { v: 1, shown: [...] }' });
  const result = schema.safeParse(value);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.slice(0, 10).map((issue) => `${issue.path.length ? `${pathOf(issue.path)}: ` : ''}${issue.message}`) };
  }
  const problems: string[] = [];
  result.data.shown.forEach((entry, index) => {
    const at = Date.parse(entry.at);
    if (at > now.getTime() + maxSkewMs) problems.push(`shown[${index}].at: is more than 5 minutes in the future (got "${entry.at}")`);
    else if (at < now.getTime() - maxAgeMs) problems.push(`shown[${index}].at: is more than a year in the past (got "${entry.at}")`);
    const unstorable = unstorableTextProblem(entry, `shown[${index}]`);
    if (unstorable) problems.push(unstorable);
  });
  return problems.length ? { ok: false, problems } : { ok: true, shown: result.data.shown as ShownEntry[] };
}

const pathOf = (path: PropertyKey[]) => path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
const refuse = (problem: string): ShownParse => ({ ok: false, problems: [problem] });
