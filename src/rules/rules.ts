import { safeParse } from '../common/shielded';
import * as z from 'zod/mini';
import { atLeast } from '../config/checks';
import { lazy } from '../common/lazy';
import type { Config } from '../config/parse-options';
import type { Survey } from '../config/survey-schema';
import type { Logger } from '../common/log';
import type { KeyValueStore } from '../storage/key-value-store';
import { cooldownReason } from './cooldown';
import { fatigueReason, touchSession } from './fatigue';
import { deviceKey, fatigueKey, fatigueStateSchema, readState, surveyKey, surveyStateSchema, type FatigueState, type SurveyState } from './rule-state';
import type { Rules, ShowDecision } from './rule-types';
import { inSample } from './sampling';
import { snoozeReason } from './snooze';

const deviceSchema = lazy(() => z.string().check(atLeast(8)));

/**
 * Who may see what, and how often. In order: a `data-hearback-show` click always shows (the visitor
 * asked); then sticky sampling (global `sampleRate`, then the survey's), the survey's cooldown after
 * an answer, its snooze after a dismissal, and the global fatigue budget (per session, per days).
 * State lives in the store under `state:` keys; every record read back is validated.
 */
export function createRules(deps: { config: Config; store: KeyValueStore; log: Logger; now?: () => number; random?: () => number }): Rules {
  const { config, store, now = Date.now, random = Math.random } = deps;
  let userId: string | undefined;
  let device: Promise<string> | undefined;
  // Writes are read-modify-write: one chain keeps two updates from losing each other.
  let pending: Promise<unknown> = Promise.resolve();

  function update<S extends SurveyState | FatigueState>(key: string, schema: z.ZodMiniType<S>, change: (state: S) => S): Promise<S> {
    const next = pending.then(async () => {
      const state = change(await readState(store, key, schema));
      await store.set(key, state);
      return state;
    });
    pending = next.catch(() => undefined);
    return next;
  }
  const touch = (change: (state: FatigueState) => FatigueState = (s) => s) =>
    update(fatigueKey, fatigueStateSchema(), (state) => change(touchSession(state, now())));
  const mark = (survey: Survey, field: keyof SurveyState) =>
    update(surveyKey(survey.id), surveyStateSchema(), (state) => ({ ...state, [field]: now() })).then(() => undefined);

  /** A random id kept on this device, for sampling visitors who are not identified. */
  const deviceId = () =>
    (device ??= (async () => {
      const stored = safeParse(deviceSchema(), await store.get(deviceKey));
      if (stored.success) return stored.data;
      const id = random().toString(36).slice(2, 10) + random().toString(36).slice(2, 10);
      void store.set(deviceKey, id); // this page keeps it in `device`: a decision need not wait for the write
      return id;
    })());

  void touch(); // this page load is activity: it keeps (or starts) the session

  return {
    async decide(survey, cause): Promise<ShowDecision> {
      const label = survey.id + ': ';
      if (cause === 'attribute') return { show: true, reason: label + 'showing (button click; frequency rules do not apply)' };
      // The reads go out together, after this tab's own writes: one storage round trip, not one per
      // record; read afresh each time, so what another tab did counts here too.
      await pending;
      const [visitor, state, fatigue] = await Promise.all([
        userId ?? deviceId(),
        readState(store, surveyKey(survey.id), surveyStateSchema()),
        readState(store, fatigueKey, fatigueStateSchema()),
      ]);
      const who = userId ? 'user' : 'device';
      const skip = (why: string): ShowDecision => ({ show: false, reason: label + 'skipped, ' + why });
      if (!inSample(visitor, config.sampleRate)) return skip(`this ${who} is outside sampleRate ${config.sampleRate}`);
      if (survey.sampleRate !== undefined && !inSample(visitor, survey.sampleRate, survey.id))
        return skip(`this ${who} is outside the survey's sampleRate ${survey.sampleRate}`);
      const at = now();
      // Asking the fatigue budget is activity: it is recorded, but the verdict does not wait for the write.
      const touched = () => (void touch(), touchSession(fatigue, at));
      const why = cooldownReason(survey, state, at) || snoozeReason(survey, state, at) || fatigueReason(config.fatigue, touched(), at);
      return why ? skip(why) : { show: true, reason: label + `showing (${cause})` };
    },
    async shown(survey) {
      await mark(survey, 'shownAt');
      await touch((state) => ({ ...state, lastShownAt: now(), sessionShown: (state.sessionShown ?? 0) + 1 }));
    },
    answered: (survey) => mark(survey, 'answeredAt'),
    dismissed: (survey) => mark(survey, 'dismissedAt'),
    identify(id) {
      userId = id || undefined;
    },
  };
}
