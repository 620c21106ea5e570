import { messagesFor } from '../../../src/i18n/messages';
import type { Lang } from '../app-env';
import type { ChatSurvey } from './chat-survey';

/** What the chat says, in the survey's language: the SDK's own wording for the question, anchors, follow-up and thanks. */
export interface ChatTexts {
  question: string;
  low: string;
  high: string;
  followUp: string;
  thanks: string;
}

export function chatTexts(survey: ChatSurvey, locale: Lang): ChatTexts {
  const words = messagesFor(locale);
  const anchors = { nps: [words.npsLow, words.npsHigh], csat: [words.csatLow, words.csatHigh], ces: [words.cesLow, words.cesHigh] }[survey.type];
  return {
    question: survey.question[locale]?.trim() || words[survey.type],
    low: anchors[0],
    high: anchors[1],
    followUp: words.followUp,
    thanks: words.thanks,
  };
}
