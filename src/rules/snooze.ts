import type { Survey } from '../config/survey-schema';
import type { SurveyType } from '../surveys/kinds';
import { day, formatAge, formatDays } from './format-age';
import type { SurveyState } from './rule-state';

/** Days a survey waits after the visitor closed it without answering. */
const defaultSnoozeDays: Record<SurveyType, number> = { nps: 7, csat: 2, ces: 2 };

/**
 * Why the survey is snoozed, or ''. A prompt shown and never answered (the visitor left the page
 * with it open) counts as dismissed: it was seen and not wanted.
 */
export function snoozeReason(survey: Survey, state: SurveyState, now: number): string {
  const days = survey.snoozeDays ?? defaultSnoozeDays[survey.type];
  const ignored = state.shownAt !== undefined && state.shownAt > (state.answeredAt ?? -Infinity) ? state.shownAt : undefined;
  const dismissed = Math.max(state.dismissedAt ?? -Infinity, ignored ?? -Infinity);
  const since = now - dismissed;
  if (since >= days * day) return '';
  return `${dismissed === state.dismissedAt ? 'dismissed' : 'shown without an answer'} ${formatAge(since)} ago, snoozed for ${formatDays(days)}`;
}
