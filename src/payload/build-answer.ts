import type { Survey } from '../config/survey-schema';
import { maxCommentLength, surveyKinds } from '../surveys/kinds';
import { VERSION } from '../common/version';
import type { Answer } from './answer-schema';
import { contactWays } from './contact-ways';

/** What the visitor gave; the rest of the payload comes from the survey and the page. */
export interface AnswerInput {
  score: number;
  comment?: string;
  reasons?: string[];
  contact?: boolean;
  /** How to reach the visitor (only kept with `contact`). */
  contactVia?: { phone?: string; email?: string; line?: string };
}

export interface AnswerEnvironment {
  id: string;
  /** The answer's secret (`createAnswerKey`): the same on the score and on the comment that amends it. */
  key: string;
  locale: string;
  /** The page URL (location.href); trimmed here unless `sendFullUrl`. */
  href: string;
  sendFullUrl: boolean;
  now: Date;
  user: Record<string, unknown>;
  context: Record<string, unknown>;
}

/**
 * Builds the version-1 payload every receiver reads. Optional fields are left out when empty, and
 * `url` loses its query and fragment unless `sendFullUrl` (they often carry tokens or emails).
 */
export function buildAnswer(survey: Survey, input: AnswerInput, env: AnswerEnvironment): Answer {
  const answer: Answer = {
    v: 1,
    id: env.id,
    key: env.key,
    survey: survey.id,
    type: survey.type,
    score: input.score,
    scale: [...surveyKinds[survey.type].scale],
    locale: env.locale,
    url: env.sendFullUrl ? env.href : pageUrl(env.href),
    answeredAt: env.now.toISOString(),
    sdk: 'hearback/' + VERSION,
  };
  const comment = input.comment?.trim().slice(0, maxCommentLength);
  if (comment) answer.comment = comment;
  if (input.reasons?.length) answer.reasons = [...input.reasons];
  if (input.contact) answer.contact = true;
  const via = input.contact && input.contactVia && contactViaOf(input.contactVia);
  if (via) answer.contactVia = via;
  if (survey.mode && survey.mode !== 'popup') answer.mode = survey.mode;
  if (Object.keys(env.user).length) answer.user = env.user;
  if (Object.keys(env.context).length) answer.context = env.context;
  return answer;
}

/** The ways given, trimmed, empty ones left out; undefined when none is left. */
function contactViaOf(given: NonNullable<AnswerInput['contactVia']>): Answer['contactVia'] {
  const via: NonNullable<Answer['contactVia']> = {};
  for (const way of contactWays) {
    const value = given[way]?.trim();
    if (value) via[way] = value;
  }
  return Object.keys(via).length ? via : undefined;
}

/** Origin and path only: query strings and fragments often carry tokens, emails or order ids. */
export function pageUrl(href: string): string {
  try {
    const url = new URL(href);
    return url.origin + url.pathname;
  } catch {
    return '';
  }
}
