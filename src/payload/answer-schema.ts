import * as z from 'zod/mini';
import { dataRecord, whole } from '../config/checks';
import { lazy } from '../common/lazy';
import { maxCommentLength, surveyKinds, surveyTypes } from '../surveys/kinds';

/**
 * zod's `z.iso.datetime()` pattern (UTC `Z` only, any fraction of a second, real calendar dates
 * including leap days), written out so the message is ours.
 */
const isoUtc = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;
const timestamp = 'must be an ISO 8601 UTC timestamp';
const aString = 'must be a string';
const upTo64 = 'must be at most 64 characters';

/** The type fixes the scale: a receiver must not let `scale: [0, 1000]` make a score of 1000 a promoter. */
const fixedScale = (answer: { type: (typeof surveyTypes)[number] }) => surveyKinds[answer.type].scale;

/**
 * Payload version 1, exactly as receivers get it: the SDK builds answers to this shape, reads its
 * queue back from IndexedDB through it, and the receiver kit parses bodies with it. Lengths, whole
 * numbers and the timestamp use zod's own checks, so `dist/answer.schema.json` (written from this
 * schema) carries them for receivers in other languages; the scale its type fixes and the bounds of
 * `user` and `context` are refinements JSON Schema cannot say, checked by every receiver kit.
 */
const buildAnswerSchema = () =>
  z.object({
    v: z.literal(1, { error: 'must be 1 (payload version)' }),
    id: z.string({ error: aString }).check(z.minLength(8, { error: 'must be at least 8 characters' }), z.maxLength(64, { error: upTo64 })),
    survey: z.string({ error: aString }).check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(64, { error: upTo64 })),
    type: z.literal(surveyTypes, { error: 'must be "nps", "csat" or "ces"' }),
    score: whole('must be a whole number'),
    scale: z.tuple([whole(), whole()], { error: 'must be [min, max]' }),
    comment: z.optional(z.string({ error: aString }).check(z.maxLength(maxCommentLength, { error: `must be at most ${maxCommentLength.toLocaleString('en')} characters` }))),
    reasons: z.optional(z.array(z.string(), { error: 'must be a list of strings' }).check(z.maxLength(20, { error: 'must have at most 20 items' }))),
    contact: z.optional(z.literal(true, { error: 'must be true when present' })),
    mode: z.optional(z.literal(['inline', 'kiosk'], { error: 'must be "inline" or "kiosk" when present' })),
    locale: z.string({ error: 'must be a language tag' }).check(z.maxLength(35, { error: 'must be at most 35 characters' })),
    url: z.string({ error: aString }).check(z.maxLength(2048, { error: 'must be at most 2,048 characters' })),
    answeredAt: z.string({ error: timestamp }).check(z.regex(isoUtc, { error: timestamp })),
    user: z.optional(dataRecord('an object')),
    context: z.optional(dataRecord('an object')),
    sdk: z.string({ error: 'must be a string like "hearback/0.1.0"' }),
  }).check(
    z.refine((answer) => fixedScale(answer).join() === answer.scale.join(), {
      error: (issue) => {
        const answer = issue.input as { type: (typeof surveyTypes)[number] };
        return `must be [${fixedScale(answer).join(', ')}] for type "${answer.type}"`;
      },
      path: ['scale'],
    }),
    z.refine((answer) => answer.score >= fixedScale(answer)[0] && answer.score <= fixedScale(answer)[1], { error: 'must lie within scale', path: ['score'] }),
  );

/** The payload v1 schema, built on first use (the script-tag bundle only needs it to read the outbox back). */
export const getAnswerSchema = lazy(buildAnswerSchema);

export type Answer = z.output<ReturnType<typeof buildAnswerSchema>>;
