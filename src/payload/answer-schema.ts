import * as z from 'zod/mini';

/**
 * Payload version 1, exactly as receivers get it (see CONTRACT "What the endpoint receives").
 * The SDK builds answers to this shape and the receiver kit parses bodies with it.
 */
export const answerSchema = z.object({
  v: z.literal(1, { error: 'must be 1 (payload version)' }),
  id: z.string({ error: 'must be a string' }).check(z.minLength(8, 'must be at least 8 characters'), z.maxLength(64, 'must be at most 64 characters')),
  survey: z.string({ error: 'must be a string' }).check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'must be at most 64 characters')),
  type: z.enum(['nps', 'csat', 'ces'], { error: 'must be "nps", "csat" or "ces"' }),
  score: z.int({ error: 'must be a whole number' }),
  scale: z.tuple([z.int(), z.int()], { error: 'must be [min, max]' }),
  comment: z.optional(z.string({ error: 'must be a string' }).check(z.maxLength(2000, 'must be at most 2,000 characters'))),
  reasons: z.optional(z.array(z.string(), { error: 'must be a list of strings' }).check(z.maxLength(20, 'must have at most 20 items'))),
  contact: z.optional(z.literal(true, { error: 'must be true when present' })),
  mode: z.optional(z.enum(['inline', 'kiosk'], { error: 'must be "inline" or "kiosk" when present' })),
  locale: z.string({ error: 'must be a language tag' }).check(z.maxLength(35, 'must be at most 35 characters')),
  url: z.string({ error: 'must be a string' }).check(z.maxLength(2048, 'must be at most 2,048 characters')),
  answeredAt: z.iso.datetime({ error: 'must be an ISO 8601 UTC timestamp' }),
  user: z.optional(z.record(z.string(), z.unknown(), { error: 'must be an object' })),
  context: z.optional(z.record(z.string(), z.unknown(), { error: 'must be an object' })),
  sdk: z.string({ error: 'must be a string like "hearback/0.1.0"' }),
}).check(
  z.refine((answer) => answer.score >= answer.scale[0] && answer.score <= answer.scale[1], {
    error: 'must lie within scale', path: ['score'],
  }),
);

export type Answer = z.output<typeof answerSchema>;
