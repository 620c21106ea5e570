import type { Logger } from '../common/log';
import type { Triggers } from '../triggers/trigger-types';

/**
 * Triggers that start once their surveys are known (published surveys are read first): `track`
 * calls made meanwhile are passed on in order when they start; destroyed before, they never start.
 */
export function createLateTriggers(starting: Promise<() => Triggers>, log: Logger): Triggers {
  let destroyed = false;
  const ready = starting.then((start) => (destroyed ? undefined : start()));
  const later = (work: (triggers: Triggers) => void) =>
    void ready.then((triggers) => triggers && !destroyed && work(triggers)).catch((error) => log.error(`internal error: ${String(error)}`));
  return {
    track: (event, props) => later((triggers) => triggers.track(event, props)),
    destroy() {
      destroyed = true;
      void ready.then((triggers) => triggers?.destroy(), () => undefined);
    },
  };
}
