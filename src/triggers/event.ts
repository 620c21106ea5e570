import type { Trigger } from '../config/trigger-schema';

/** Whether a `track()` event name is one of `trigger.event` (a name or a list; names are case-sensitive). */
export function matchesEvent(wanted: Trigger['event'], name: string): boolean {
  return wanted !== undefined && [wanted].flat().includes(name);
}
