import { surveyTypes } from '../surveys/kinds';
import * as z from 'zod/mini';
import { atLeast, atMost, between, flag, httpsUrl, name, nonEmpty, oneOf, text } from './checks';
import { contactWays } from '../payload/contact-ways';
import { lazy } from '../common/lazy';
import { triggerSchema } from './trigger-schema';

/**
 * Text that may differ per score band. The band names (detractor, passive, promoter) are shared by
 * every survey type, so one configuration shape works for NPS, CSAT and CES alike.
 */
const byBand = (oneText: ReturnType<typeof text>) =>
  z.strictObject(
    { detractor: z.optional(oneText), passive: z.optional(oneText), promoter: z.optional(oneText) },
    { error: 'must be text or { detractor, passive, promoter }' },
  );
const textOrBands = (oneText: ReturnType<typeof text>) =>
  z.union([byBand(oneText), oneText], { error: 'must be a string, a map of locale to string, or { detractor, passive, promoter } of those' });

/** A link offered on the thank-you ("Review us on Google"): an https URL and its text. */
const link = (oneText: ReturnType<typeof text>) => z.strictObject({ url: httpsUrl(), label: oneText }, { error: 'must be { url, label }' });

/** Each text schema is built once and used wherever text may stand (zod schemas are immutable; building them is the cost). */
const buildSurveySchema = (oneText = text(), bandedText = textOrBands(oneText)) => z.strictObject(
  {
    id: name('a survey id'),
    type: oneOf(surveyTypes),
    question: z.optional(oneText),
    followUp: z.optional(z.union([z.literal(false), bandedText], { error: 'must be false, text, or text per band' })),
    reasons: z.optional(
      z.array(nonEmpty('a reason label'), { error: 'must be a list of reason labels' }).check(atMost(8, 'must list at most 8 reasons')),
    ),
    thankYou: z.optional(bandedText),
    style: z.optional(oneOf(['numbers', 'smileys'])),
    reviewLink: z.optional(link(oneText)),
    /** The old name of `reviewLink`, still accepted (`reviewLink` wins when both are given). */
    promoterLink: z.optional(link(oneText)),
    askContact: z.optional(
      z.union([flag(), z.strictObject({ ways: z.array(oneOf(contactWays)).check(atLeast(1, 'must list 1 to 3 ways'), atMost(3, 'must list 1 to 3 ways')) })], {
        error: 'must be true, false or { ways: ["phone", "email", "line"] } (the ways to ask for, 1 to 3)',
      }),
    ),
    trigger: z.optional(triggerSchema()),
    cooldownDays: z.optional(between(0, 3650, 'a number of days')),
    snoozeDays: z.optional(between(0, 3650, 'a number of days')),
    sampleRate: z.optional(between(0, 1, 'a share')),
    mode: z.optional(oneOf(['popup', 'inline', 'kiosk'])),
    target: z.optional(nonEmpty('a CSS selector of the host element')),
    kioskResetSeconds: z.optional(between(2, 600, 'a number of seconds')),
    kioskIdle: z.optional(between(2, 3600, 'a number of seconds without input')),
  },
  { error: 'must be an object like { id: "after-checkout", type: "csat" }' },
);

/** A survey definition, validated (built on first use: no work at load). */
export const surveySchema = lazy(() => buildSurveySchema());

export type SurveyInput = z.input<ReturnType<typeof buildSurveySchema>>;
export type Survey = z.output<ReturnType<typeof buildSurveySchema>>;
export type Text = z.output<ReturnType<typeof text>>;
export type TextByBand = z.output<ReturnType<typeof byBand>>;
