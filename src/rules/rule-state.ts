import * as z from 'zod/mini';
import { whole } from '../config/checks';
import type { KeyValueStore } from '../storage/key-value-store';

const time = z.optional(z.number());

/** What the rules remember per survey (`state:survey:<id>`), as epoch milliseconds. */
export const surveyStateSchema = z.object({ shownAt: time, answeredAt: time, dismissedAt: time });
export type SurveyState = z.output<typeof surveyStateSchema>;

/**
 * Across surveys (`state:fatigue`): the last prompt shown, and the current session — it lasts while
 * the visitor comes back within 30 minutes (`seenAt` is the last page load or prompt decision).
 */
export const fatigueStateSchema = z.object({ lastShownAt: time, seenAt: time, sessionShown: z.optional(whole()) });
export type FatigueState = z.output<typeof fatigueStateSchema>;

export const surveyKey = (id: string) => 'state:survey:' + id;
export const fatigueKey = 'state:fatigue';
export const deviceKey = 'state:device';

/** Reads a record and validates it; anything missing or malformed reads as empty (rules start afresh). */
export async function readState<S extends z.ZodMiniType>(store: KeyValueStore, key: string, schema: S): Promise<z.output<S>> {
  const result = schema.safeParse(await store.get(key));
  return result.success ? result.data : ({} as z.output<S>);
}
