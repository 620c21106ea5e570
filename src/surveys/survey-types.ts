import type { Localized, SurveyKind, SurveyTypeFacts } from './band';
import { cesFacts } from './ces';
import { csatFacts } from './csat';
import { surveyKinds, surveyTypes, type SurveyType } from './kinds';
import { npsFacts } from './nps';
import { messagesFor } from '../i18n/messages';
import { table as english } from '../i18n/languages/en';
import { table as thai } from '../i18n/languages/th';

/** One survey type, whole: its scale and bands, its names, its headline figure and its built-in wording. */
export interface SurveyTypeEntry extends SurveyKind, SurveyTypeFacts {
  type: SurveyType;
  /**
   * The widget's built-in question, the anchors of the scale's two ends, and its follow-up ("why")
   * and thank-you, in English and Thai.
   */
  wording: { question: Localized; low: Localized; high: Localized; followUp: Localized; thanks: Localized };
}

const facts: Record<SurveyType, SurveyTypeFacts> = { nps: npsFacts, csat: csatFacts, ces: cesFacts };

/**
 * The survey types for whoever receives answers or edits surveys (`hearback/receiver`): every fact
 * about a type in one entry, read from the SDK's own definitions (`surveyKinds`, the widget's message
 * tables), so a new type is added in the SDK and reaches the owner's app through this list.
 */
export function surveyTypeRegistry(): Record<SurveyType, SurveyTypeEntry> {
  const en = messagesFor('en', { en: english });
  const th = messagesFor('th', { th: thai });
  const entry = (type: SurveyType): SurveyTypeEntry => ({
    type,
    ...surveyKinds[type],
    ...facts[type],
    wording: {
      question: { en: en[type], th: th[type] },
      low: { en: en[`${type}Low`], th: th[`${type}Low`] },
      high: { en: en[`${type}High`], th: th[`${type}High`] },
      followUp: { en: en.followUp, th: th.followUp },
      thanks: { en: en.thanks, th: th.thanks },
    },
  });
  return Object.fromEntries(surveyTypes.map((type) => [type, entry(type)])) as Record<SurveyType, SurveyTypeEntry>;
}
