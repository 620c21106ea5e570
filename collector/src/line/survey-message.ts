import { surveyKinds } from 'hearback/receiver';
import type { LineMessage, QuickReplyItem } from './line-client';
import type { ChatTexts } from './chat-texts';
import type { ChatSurvey } from './chat-survey';

/** LINE shows at most 13 quick-reply buttons, each label at most 20 characters. */
export const maxQuickReplies = 13;
const maxLabel = 20;

const label = (text: string) => [...text].slice(0, maxLabel).join('');

/**
 * The score question as one text message with a quick-reply button per score (NPS 0–10 is 11
 * buttons, CSAT 5, CES 7); the lowest and highest carry their anchor words ("0 Not at all likely"),
 * which the text repeats. `dataFor(score)` makes each button's signed postback data.
 */
export async function surveyMessage(survey: ChatSurvey, texts: ChatTexts, dataFor: (score: number) => Promise<string>): Promise<LineMessage> {
  const [low, high] = surveyKinds[survey.type].scale;
  const items: QuickReplyItem[] = [];
  for (let score = low; score <= high; score++) {
    const anchor = score === low ? ` ${texts.low}` : score === high ? ` ${texts.high}` : '';
    items.push({ type: 'action', action: { type: 'postback', label: label(`${score}${anchor}`), data: await dataFor(score), displayText: String(score) } });
  }
  return {
    type: 'text',
    text: `${texts.question}\n${low} = ${texts.low} · ${high} = ${texts.high}`,
    quickReply: { items: items.slice(0, maxQuickReplies) },
  };
}

export const textMessage = (text: string): LineMessage => ({ type: 'text', text });
