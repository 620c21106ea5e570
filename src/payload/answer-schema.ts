import * as s from '../schema/schema';
import { atLeast, atMost, jsonRecord, matches, whole } from '../config/checks';
import { lazy } from '../config/lazy';
import { surveyKinds } from '../surveys/kinds';
import { dataBoundsProblem } from './data-bounds';
/**
 * zod's `z.iso.datetime()` pattern (UTC `Z` only, any fraction of a second, real calendar dates
 * including leap days).
 */
const isoUtc = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;
const timestamp = 'must be an ISO 8601 UTC timestamp';
const aString = 'must be a string';
const upTo64 = 'must be at most 64 characters';

/**
 * Payload version 1, exactly as receivers get it (see CONTRACT "What the endpoint receives").
 * The SDK builds answers to this shape and the receiver kit parses bodies with it.
 */
const buildAnswerSchema = () => s.check(
  s.object({
    v: s.literal(1, 'must be 1 (payload version)'),
    id: s.check(s.string(aString), atLeast(8, 'must be at least 8 characters'), atMost(64, upTo64)),
    survey: s.check(s.string(aString), atLeast(1, 'must not be empty'), atMost(64, upTo64)),
    type: s.literal(['nps', 'csat', 'ces'], 'must be "nps", "csat" or "ces"'),
    score: whole('must be a whole number'),
    scale: s.check(s.array(whole(), 'must be [min, max]'), s.refine((scale) => scale.length === 2, { error: 'must be [min, max]', abort: true })) as s.Schema<[number, number]>,
    comment: s.optional(s.check(s.string(aString), atMost(2000, 'must be at most 2,000 characters'))),
    reasons: s.optional(s.check(s.array(s.string(), 'must be a list of strings'), atMost(20, 'must have at most 20 items'))),
    contact: s.optional(s.literal(true, 'must be true when present')),
    mode: s.optional(s.literal(['inline', 'kiosk'], 'must be "inline" or "kiosk" when present')),
    locale: s.check(s.string('must be a language tag'), atMost(35, 'must be at most 35 characters')),
    url: s.check(s.string(aString), atMost(2048, 'must be at most 2,048 characters')),
    answeredAt: s.check(s.string(timestamp), matches(isoUtc, timestamp)),
    user: s.optional(jsonRecord('an object')),
    context: s.optional(jsonRecord('an object')),
    sdk: s.string('must be a string like "hearback/0.1.0"'),
  }),
  s.refine((answer) => fixedScale(answer).join() === answer.scale.join(), {
    error: (answer) => `must be [${fixedScale(answer).join(', ')}] for type "${answer.type}"`,
    path: ['scale'],
  }),
  s.refine((answer) => answer.score >= fixedScale(answer)[0] && answer.score <= fixedScale(answer)[1], { error: 'must lie within scale', path: ['score'] }),
  s.refine((answer) => !dataBoundsProblem(answer.user), { error: (answer) => dataBoundsProblem(answer.user), path: ['user'] }),
  s.refine((answer) => !dataBoundsProblem(answer.context), { error: (answer) => dataBoundsProblem(answer.context), path: ['context'] }),
);

/** The type fixes the scale: a receiver must not let `scale: [0, 1000]` make a score of 1000 a promoter. */
const fixedScale = (answer: { type: keyof typeof surveyKinds }) => surveyKinds[answer.type].scale;

/** The payload v1 schema, built on first use (the script-tag bundle only needs it to read the outbox back). */
export const getAnswerSchema = lazy(buildAnswerSchema);

export type Answer = s.Output<ReturnType<typeof buildAnswerSchema>>;
