import * as s from '../schema/schema';
import { atMost, between, flag, httpsUrl, name, nonEmpty, oneOf, text } from './checks';
import { lazy } from './lazy';
import { triggerSchema } from './trigger-schema';

/** Text that may differ per score band. Band names are shared by all types (see README). */
const byBand = () =>
  s.strictObject(
    { detractor: s.optional(text()), passive: s.optional(text()), promoter: s.optional(text()) },
    'must be text or { detractor, passive, promoter }',
  );
const textOrBands = () =>
  s.union([byBand(), text()], 'must be a string, a map of locale to string, or { detractor, passive, promoter } of those');

const buildSurveySchema = () => s.strictObject(
  {
    id: name('a survey id'),
    type: oneOf(['nps', 'csat', 'ces']),
    question: s.optional(text()),
    followUp: s.optional(s.union([s.literal(false), textOrBands()], 'must be false, text, or text per band')),
    reasons: s.optional(
      s.check(s.array(nonEmpty('a reason label'), 'must be a list of reason labels'), atMost(8, 'must list at most 8 reasons')),
    ),
    thankYou: s.optional(textOrBands()),
    style: s.optional(oneOf(['numbers', 'smileys'])),
    promoterLink: s.optional(
      s.strictObject({ url: httpsUrl(), label: text() }, 'must be { url, label }'),
    ),
    askContact: s.optional(flag()),
    trigger: s.optional(triggerSchema()),
    cooldownDays: s.optional(between(0, 3650, 'a number of days')),
    snoozeDays: s.optional(between(0, 3650, 'a number of days')),
    sampleRate: s.optional(between(0, 1, 'a share')),
    mode: s.optional(oneOf(['popup', 'inline', 'kiosk'])),
    target: s.optional(nonEmpty('a CSS selector of the host element')),
    kioskResetSeconds: s.optional(between(2, 600, 'a number of seconds')),
  },
  'must be an object like { id: "after-checkout", type: "csat" }',
);

/** A survey definition, validated (built on first use: no work at load). */
export const surveySchema = lazy(buildSurveySchema);

export type SurveyInput = s.Input<ReturnType<typeof buildSurveySchema>>;
export type Survey = s.Output<ReturnType<typeof buildSurveySchema>>;
export type SurveyType = Survey['type'];
export type Text = s.Output<ReturnType<typeof text>>;
export type TextByBand = s.Output<ReturnType<typeof byBand>>;
