import * as s from '../schema/schema';
import { whole } from '../config/checks';
import { lazy } from '../config/lazy';
import type { KeyValueStore } from '../storage/key-value-store';

const time = () => s.optional(s.number());

/** What the rules remember per survey (`state:survey:<id>`), as epoch milliseconds. */
const buildSurveyState = () => s.object({ shownAt: time(), answeredAt: time(), dismissedAt: time() });
export const surveyStateSchema = lazy(buildSurveyState);
export type SurveyState = s.Output<ReturnType<typeof buildSurveyState>>;

/**
 * Across surveys (`state:fatigue`): the last prompt shown, and the current session — it lasts while
 * the visitor comes back within 30 minutes (`seenAt` is the last page load or prompt decision).
 */
const buildFatigueState = () => s.object({ lastShownAt: time(), seenAt: time(), sessionShown: s.optional(whole()) });
export const fatigueStateSchema = lazy(buildFatigueState);
export type FatigueState = s.Output<ReturnType<typeof buildFatigueState>>;

export const surveyKey = (id: string) => 'state:survey:' + id;
export const fatigueKey = 'state:fatigue';
export const deviceKey = 'state:device';

/** Reads a record and validates it; anything missing or malformed reads as empty (rules start afresh). */
export async function readState<State>(store: KeyValueStore, key: string, schema: s.Schema<State>): Promise<State> {
  const result = s.safeParse(schema, await store.get(key));
  return result.success ? result.data : ({} as State);
}
