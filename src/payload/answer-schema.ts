import * as z from 'zod/mini';
import { dataRecord, namePattern, nameRule, whole } from '../config/checks';
import { lazy } from '../common/lazy';
import { maxCommentLength, surveyKinds, surveyTypes } from '../surveys/kinds';
import { contactViaPatterns, contactWayMaxLength } from './contact-ways';

/**
 * The words for each problem, which the receiver kit reports. The script tag's engine reads its
 * queue back through this schema too but never shows why a record fails (it drops it with one
 * console line), so its build defines `__HEARBACK_ANSWER_WORDS__` false and the words stay out of
 * its chunk (−0.4 KB gzip). Everywhere else (the npm module, the receiver kit, tests) they are in.
 */
const words = typeof __HEARBACK_ANSWER_WORDS__ === 'boolean' ? __HEARBACK_ANSWER_WORDS__ : true;
/** A problem's words, or nothing where they are left out. */
const word = (text: string) => (words ? text : undefined);
/** zod's `{ error }` parameter with the words, or none. */
const say = (text: string) => (words ? { error: text } : undefined);
declare const __HEARBACK_ANSWER_WORDS__: boolean | undefined;

/**
 * zod's `z.iso.datetime()` pattern (UTC `Z` only, any fraction of a second, real calendar dates
 * including leap days), written out so the message is ours.
 */
const isoUtc = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;
const timestamp = 'must be an ISO 8601 UTC timestamp';
const aString = 'must be a string';
/** A length cap with its message: `must be at most 2,000 characters`. */
const upTo = (max: number) => z.maxLength(max, say(`must be at most ${max.toLocaleString('en')} characters`));
/**
 * base64url letters only (`id`, `key`): A–Z, a–z, 0–9, "-", "_". They travel in links and file
 * names and stay one line: no `/`, dots, spaces, emoji or bidi controls.
 */
const base64url = (min: number, max: number) =>
  z.string(say(aString)).check(z.regex(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`), say(`must be ${min}–${max} letters, digits, "-", "_"`)));
/** How the visitor said to reach them (`contactVia`): the patterns are in contact-ways.ts, shared with the widget's form. */
const phoneError = 'must be a phone number: 6–15 digits, with spaces, "-", ".", "(", ")" and a leading "+" allowed';
const emailError = 'must be an email address like name@example.com';
const lineError = 'must be a LINE ID: 4–20 of a–z, 0–9, ".", "_", "-" (an official account\'s starts with "@")';
export { contactViaPatterns };
const contactViaSchema = () =>
  z.strictObject(
    {
      phone: z.optional(z.string(say(phoneError)).check(upTo(contactWayMaxLength.phone), z.regex(contactViaPatterns.phone, say(phoneError)))),
      email: z.optional(z.string(say(emailError)).check(upTo(contactWayMaxLength.email), z.regex(contactViaPatterns.email, say(emailError)))),
      line: z.optional(z.string(say(lineError)).check(z.regex(contactViaPatterns.line, say(lineError)))),
    },
    say('must be { phone?, email?, line? }'),
  ).check(z.refine((via) => Object.keys(via).length > 0, say('must give at least one of phone, email, line')));
const minMax = 'must be [min, max]';
const sdkError = 'must be like "hearback/0.1.0": 1–64 letters, digits, "-", "_", ".", "+", "/", "@"';

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
    v: z.literal(1, say('must be 1 (payload version)')),
    id: base64url(8, 64),
    /** The answer's secret (at least 128 bits): a later POST with the same `id` amends it only with the same key. */
    key: z.optional(base64url(22, 128)),
    // A survey id as the SDK's options allow it (config/checks.ts): no "/", spaces, emoji or bidi controls.
    survey: z.string(say(aString)).check(z.regex(namePattern, say(`must be a survey id: ${nameRule}`))),
    type: z.literal(surveyTypes, say('must be "nps", "csat" or "ces"')),
    score: whole(word('must be a whole number')),
    // Two whole numbers as a list of exactly two, not z.tuple: the same answers pass and the JSON
    // Schema says the same (minItems/maxItems 2), without zod's tuple parser in the engine (0.5 KB gzip).
    scale: z.array(whole(), say(minMax)).check(z.minLength(2, say(minMax)), z.maxLength(2, say(minMax))),
    comment: z.optional(z.string(say(aString)).check(upTo(maxCommentLength))),
    reasons: z.optional(
      z.array(z.string(say(aString)).check(upTo(100)), say('must be a list of strings'))
        .check(z.maxLength(20, say('must have at most 20 items'))),
    ),
    contact: z.optional(z.literal(true, say('must be true when present'))),
    /** How to reach the visitor who agreed to be contacted (only with `contact: true`). */
    contactVia: z.optional(contactViaSchema()),
    mode: z.optional(z.literal(['inline', 'kiosk'], say('must be "inline" or "kiosk" when present'))),
    locale: z.string(say('must be a language tag')).check(upTo(35)),
    url: z.string(say(aString)).check(upTo(2048)),
    answeredAt: z.string(say(timestamp)).check(z.regex(isoUtc, say(timestamp))),
    user: z.optional(dataRecord('an object')),
    context: z.optional(dataRecord('an object')),
    sdk: z.string(say(sdkError)).check(z.regex(/^[A-Za-z0-9_.+/@-]{1,64}$/, say(sdkError))),
  }).check(
    z.refine((answer) => fixedScale(answer).join() === answer.scale.join(), {
      error: words ? (issue) => {
        const answer = issue.input as { type: (typeof surveyTypes)[number] };
        return `must be [${fixedScale(answer).join(', ')}] for type "${answer.type}"`;
      } : undefined,
      path: ['scale'],
    }),
    z.refine((answer) => answer.score >= fixedScale(answer)[0] && answer.score <= fixedScale(answer)[1], { ...say('must lie within scale'), path: ['score'] }),
    z.refine((answer) => !answer.contactVia || answer.contact === true, { ...say('is only sent with contact: true'), path: ['contactVia'] }),
  );

/** The payload v1 schema, built on first use (the script-tag bundle only needs it to read the outbox back). */
export const getAnswerSchema = lazy(buildAnswerSchema);

export type Answer = z.output<ReturnType<typeof buildAnswerSchema>>;
