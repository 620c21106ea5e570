import type { Lang } from '../app-env';
import type { Log } from '../http/log';
import type { LinkSigner } from '../links/link-signer';
import { answerRefData, readAnswerRef } from './answer-ref';
import { chatAnswerId, newAnswerKey, type ChatAnswers } from './chat-answer';
import type { ChatSurvey, ChatSurveySource } from './chat-survey';
import { chatTexts } from './chat-texts';
import type { LineAccount } from './line-account';
import type { Ask, AskStore } from './line-asks';
import type { LineClient, LineMessage } from './line-client';
import type { GroupStore } from './line-groups';
import { surveyMessage, textMessage } from './survey-message';
import type { LineEvent } from './webhook-events';

export interface ConversationDeps {
  account: () => Promise<LineAccount>;
  clientFor: (token: string) => LineClient;
  asks: AskStore;
  groups: GroupStore;
  answers: ChatAnswers;
  signer: LinkSigner;
  surveys: ChatSurveySource;
  log: Log;
  now: () => Date;
}

/** The chat text as compared with a keyword: trimmed, NFC, case-folded. */
const normal = (text: string) => text.trim().normalize('NFC').toLocaleLowerCase();

/** The language whose keyword `text` is, if it is one. */
export function keywordLang(text: string, keywords: LineAccount['keywords']): Lang | undefined {
  const said = normal(text);
  if (!said) return undefined;
  return (['th', 'en'] as const).find((lang) => keywords[lang] && normal(keywords[lang]) === said);
}

/**
 * The survey conversation in a LINE chat, one webhook event at a time:
 * - the keyword (per language) → reply with the score question and its buttons;
 * - a score tap (postback with a signed reference) → the answer is stored, reply with the "why";
 * - the customer's next text within ten minutes → the answer is amended with it, reply thank you;
 * - the bot joins a group → the group is listed (named by LINE's group summary) for alerts.
 * Replies use the event's reply token (free); nothing here pushes.
 */
export function createConversation(deps: ConversationDeps) {
  const { asks, answers, signer, surveys, log, now } = deps;

  /** The score question for `ask`, each button signed for its user. */
  const questionFor = (ask: Ask, survey: ChatSurvey): Promise<LineMessage> =>
    surveyMessage(survey, chatTexts(survey, ask.locale), (score) => answerRefData(signer, { survey: survey.id, ask: ask.id, score }, ask.userId));

  async function reply(account: LineAccount, token: string | undefined, messages: LineMessage[]) {
    if (!token || !account.channelToken) return;
    try {
      await deps.clientFor(account.channelToken).reply(token, messages);
    } catch (error) {
      log.error('a LINE reply failed', { error: String((error as Error)?.message ?? error) });
    }
  }

  async function startSurvey(account: LineAccount, event: LineEvent, userId: string, locale: Lang) {
    const survey = account.surveyId ? await surveys(account.surveyId) : undefined;
    if (!survey || survey.singleUse) return;
    const { ask } = await asks.create({ surveyId: survey.id, userId, locale });
    await reply(account, event.replyToken, [await questionFor(ask, survey)]);
    await asks.markSent(ask.id);
  }

  async function scoreTapped(account: LineAccount, event: LineEvent, userId: string, data: string) {
    const ref = await readAnswerRef(signer, data, userId);
    const ask = ref && (await asks.get(ref.ask));
    const survey = ask && ask.surveyId === ref.survey && ask.userId === userId ? await surveys(ask.surveyId) : undefined;
    if (!ref || !ask || !survey) return;
    const texts = chatTexts(survey, ask.locale);
    const key = newAnswerKey();
    // The answer's id is the question's, so only the first tap stores one (and only it gets the key).
    const result = await answers.score(ask, survey, ref.score, key);
    if (!result.ok) log.error('a LINE answer was refused', { survey: survey.id, problem: result.problem });
    if (!result.ok || !result.stored) return reply(account, event.replyToken, [textMessage(texts.thanks)]);
    await asks.markAnswered(ask.id, { id: chatAnswerId(ask.id), key, score: ref.score });
    await reply(account, event.replyToken, [textMessage(texts.followUp)]);
  }

  async function textSent(account: LineAccount, event: LineEvent, userId: string, text: string) {
    const lang = keywordLang(text, account.keywords);
    if (lang) return startSurvey(account, event, userId, lang);
    const ask = await asks.take(userId);
    if (!ask || ask.answerKey === null || ask.score === null) return;
    const survey = await surveys(ask.surveyId);
    if (!survey) return;
    const result = await answers.comment({ ...ask, answerKey: ask.answerKey, score: ask.score }, survey, text);
    if (!result.ok) log.error('a LINE comment was refused', { survey: survey.id, problem: result.problem });
    await reply(account, event.replyToken, [textMessage(chatTexts(survey, ask.locale).thanks)]);
  }

  async function joined(account: LineAccount, groupId: string) {
    let name = '';
    try {
      if (account.channelToken) name = (await deps.clientFor(account.channelToken).groupSummary(groupId)).groupName;
    } catch (error) {
      log.error('LINE group summary failed', { error: String((error as Error)?.message ?? error) });
    }
    await deps.groups.joined(groupId, name, now());
  }

  return {
    questionFor,
    async handle(event: LineEvent): Promise<void> {
      const account = await deps.account();
      const { source } = event;
      if (event.type === 'join' && source?.type === 'group' && source.groupId) return joined(account, source.groupId);
      if (event.type === 'leave' && source?.type === 'group' && source.groupId) return deps.groups.left(source.groupId, now());
      // Surveys are one-to-one chats only.
      if (source?.type !== 'user' || !source.userId) return;
      if (event.type === 'postback' && event.postback) return scoreTapped(account, event, source.userId, event.postback.data);
      if (event.type === 'message' && event.message?.type === 'text' && event.message.text) return textSent(account, event, source.userId, event.message.text);
    },
  };
}

export type Conversation = ReturnType<typeof createConversation>;
