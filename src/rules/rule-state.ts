import { safeParse } from '../common/shielded';
import * as z from 'zod/mini';
import { whole } from '../config/checks';
import { lazy } from '../common/lazy';
import type { KeyValueStore } from '../storage/key-value-store';

const time = () => z.optional(z.number());

/** What the rules remember per survey (`state:survey:<id>`), as epoch milliseconds. */
const buildSurveyState = () => z.object({ shownAt: time(), answeredAt: time(), dismissedAt: time() });
export const surveyStateSchema = lazy(buildSurveyState);
export type SurveyState = z.output<ReturnType<typeof buildSurveyState>>;

/**
 * Across surveys (`state:fatigue`): the last prompt shown, and the current session — it lasts while
 * the visitor comes back within 30 minutes (`seenAt` is the last page load or prompt decision).
 */
const buildFatigueState = () => z.object({ lastShownAt: time(), seenAt: time(), sessionShown: z.optional(whole()) });
export const fatigueStateSchema = lazy(buildFatigueState);
export type FatigueState = z.output<ReturnType<typeof buildFatigueState>>;

export const surveyKey = (id: string) => 'state:survey:' + id;
export const fatigueKey = 'state:fatigue';
export const deviceKey = 'state:device';

/** Reads a record and validates it; anything missing or malformed reads as empty (rules start afresh). */
export async function readState<State>(store: KeyValueStore, key: string, schema: z.ZodMiniType<State>): Promise<State> {
  const result = safeParse(schema, await store.get(key));
  return result.success ? result.data : ({} as State);
}
