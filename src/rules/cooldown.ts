import type { Survey } from '../config/survey-schema';
import type { SurveyType } from '../surveys/kinds';
import { day, formatAge, formatDays } from './format-age';
import type { SurveyState } from './rule-state';

/**
 * Days a survey stays quiet after an answer. NPS is a relationship survey (ask about once a
 * quarter); CSAT and CES follow each transaction, capped at one per day.
 */
const defaultCooldownDays: Record<SurveyType, number> = { nps: 90, csat: 1, ces: 1 };

/** Why the survey is still cooling down after its last answer, or '' when it is not. */
export function cooldownReason(survey: Survey, state: SurveyState, now: number): string {
  const days = survey.cooldownDays ?? defaultCooldownDays[survey.type];
  const since = state.answeredAt === undefined ? Infinity : now - state.answeredAt;
  return since < days * day ? `answered ${formatAge(since)} ago, cooldown ${formatDays(days)}` : '';
}
