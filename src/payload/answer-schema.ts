import * as z from 'zod/mini';
import { atLeast, atMost, jsonRecord, matches, whole } from '../config/checks';
import { lazy } from '../config/lazy';
/**
 * zod's `z.iso.datetime()` pattern (UTC `Z` only, any fraction of a second, real calendar dates
 * including leap days) as a literal: the format machinery behind `z.iso` costs ~0.7 KB gzip.
 */
const isoUtc = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;
const timestamp = 'must be an ISO 8601 UTC timestamp';

/**
 * Payload version 1, exactly as receivers get it (see CONTRACT "What the endpoint receives").
 * The SDK builds answers to this shape and the receiver kit parses bodies with it.
 */
const buildAnswerSchema = () => z.object({
  v: z.literal(1, { error: 'must be 1 (payload version)' }),
  id: z.string({ error: 'must be a string' }).check(atLeast(8, 'must be at least 8 characters'), atMost(64, 'must be at most 64 characters')),
  survey: z.string({ error: 'must be a string' }).check(atLeast(1, 'must not be empty'), atMost(64, 'must be at most 64 characters')),
  type: z.literal(['nps', 'csat', 'ces'], { error: 'must be "nps", "csat" or "ces"' }),
  score: whole('must be a whole number'),
  // Not z.tuple (~0.5 KB gzip): two whole numbers, the same messages and issue paths.
  scale: z.array(whole(), { error: 'must be [min, max]' }).check(
    z.refine((scale) => scale.length === 2, { error: 'must be [min, max]', abort: true }),
  ) as unknown as z.ZodMiniType<[number, number]>,
  comment: z.optional(z.string({ error: 'must be a string' }).check(atMost(2000, 'must be at most 2,000 characters'))),
  reasons: z.optional(z.array(z.string(), { error: 'must be a list of strings' }).check(atMost(20, 'must have at most 20 items'))),
  contact: z.optional(z.literal(true, { error: 'must be true when present' })),
  mode: z.optional(z.literal(['inline', 'kiosk'], { error: 'must be "inline" or "kiosk" when present' })),
  locale: z.string({ error: 'must be a language tag' }).check(atMost(35, 'must be at most 35 characters')),
  url: z.string({ error: 'must be a string' }).check(atMost(2048, 'must be at most 2,048 characters')),
  answeredAt: z.string({ error: timestamp }).check(matches(isoUtc, timestamp)),
  user: z.optional(jsonRecord('an object')),
  context: z.optional(jsonRecord('an object')),
  sdk: z.string({ error: 'must be a string like "hearback/0.1.0"' }),
}).check(
  z.refine((answer) => answer.score >= answer.scale[0] && answer.score <= answer.scale[1], {
    error: 'must lie within scale', path: ['score'],
  }),
);

/** The payload v1 schema, built on first use (the script-tag bundle only needs it to read the outbox back). */
export const getAnswerSchema = lazy(buildAnswerSchema);

export type Answer = z.output<ReturnType<typeof buildAnswerSchema>>;
