import type { Config } from '../config/parse-options';
import { day, formatAge, formatDays } from './format-age';
import type { FatigueState } from './rule-state';

/** A session ends after this long without a page load or prompt decision. */
const sessionGapMs = 30 * 60_000;
/** At most this many prompts per session, across surveys (0 = no limit). */
const defaultPerSession = 1;
/** At most one prompt per this many days, across surveys (0 = no limit). */
const defaultFatigueDays = 1;

/** Marks activity now; starts a new session when the last activity is older than 30 minutes. */
export function touchSession(state: FatigueState, now: number): FatigueState {
  const fresh = state.seenAt === undefined || now - state.seenAt > sessionGapMs;
  return { ...state, seenAt: now, sessionShown: fresh ? 0 : (state.sessionShown ?? 0) };
}

/** Why the global budget is spent, or ''. */
export function fatigueReason(fatigue: Config['fatigue'], state: FatigueState, now: number): string {
  const perSession = fatigue.perSession ?? defaultPerSession;
  const days = fatigue.days ?? defaultFatigueDays;
  const shown = state.sessionShown ?? 0;
  if (perSession && shown >= perSession) return `${shown} prompt${shown === 1 ? '' : 's'} already shown this session (fatigue.perSession ${perSession})`;
  const since = state.lastShownAt === undefined ? Infinity : now - state.lastShownAt;
  return since < days * day ? `a prompt was shown ${formatAge(since)} ago (fatigue.days ${formatDays(days)})` : '';
}
