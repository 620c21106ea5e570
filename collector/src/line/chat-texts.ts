import { surveyTypeRegistry } from 'hearback/receiver';
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
  const { wording } = surveyTypeRegistry[survey.type];
  return {
    question: survey.question[locale]?.trim() || wording.question[locale],
    low: wording.low[locale],
    high: wording.high[locale],
    followUp: wording.followUp[locale],
    thanks: wording.thanks[locale],
  };
}
