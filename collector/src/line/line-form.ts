import type { Lang } from '../app-env';
import { fill } from '../shell/lang';
import type { ChatSurvey } from './chat-survey';
import type { LineAccount, LineSettings } from './line-account';
import { lineWords as w } from './line-words';

export type LineFormResult =
  | { ok: true; settings: LineSettings }
  | { ok: false; problems: string[]; values: { keywordTh: string; keywordEn: string; surveyId: string } };

const keyword = (value: string | undefined) => (value ?? '').trim().normalize('NFC');

/**
 * Checks the LINE page's form: secrets typed (empty keeps the saved one; a secret set in the
 * environment is not taken from the form), two different keywords of 1–40 characters, and a
 * survey that exists and is not one-answer-per-order (a chat started by a keyword has no order).
 */
export function parseLineForm(fields: Record<string, string>, { lang, surveys, locked }: { lang: Lang; surveys: ChatSurvey[]; locked: LineAccount['sources'] }): LineFormResult {
  const problems: string[] = [];
  const secret = locked.channelSecret === 'env' ? '' : (fields.channelSecret ?? '').trim();
  const token = locked.channelToken === 'env' ? '' : (fields.channelToken ?? '').trim();
  if (secret && !/^[0-9a-f]{32}$/.test(secret)) problems.push(w.badSecret[lang]);
  if (token && token.length < 20) problems.push(w.badToken[lang]);
  const keywordTh = keyword(fields.keywordTh);
  const keywordEn = keyword(fields.keywordEn);
  if (![...keywordTh].length || [...keywordTh].length > 40) problems.push(fill(w.badKeyword[lang], { field: w.keywordTh[lang] }));
  if (![...keywordEn].length || [...keywordEn].length > 40) problems.push(fill(w.badKeyword[lang], { field: w.keywordEn[lang] }));
  if (keywordTh && keywordTh.toLocaleLowerCase() === keywordEn.toLocaleLowerCase()) problems.push(w.sameKeyword[lang]);
  const surveyId = (fields.surveyId ?? '').trim();
  if (surveyId && !surveys.some((survey) => survey.id === surveyId && !survey.singleUse)) problems.push(w.badSurvey[lang]);
  if (problems.length) return { ok: false, problems, values: { keywordTh, keywordEn, surveyId } };
  return {
    ok: true,
    settings: { channelSecret: secret || undefined, channelToken: token || undefined, keywords: { th: keywordTh, en: keywordEn }, surveyId },
  };
}
