import type { Survey } from '../config/survey-schema';
import type { ShowCause } from '../engine/events';

/**
 * Raised when a survey's trigger says "now"; the rules decide whether it really shows. `context` is
 * the plain data of the `track` props that fired it, for that answer's `context`.
 */
export type OnFire = (survey: Survey, cause: ShowCause, options?: { takeFocus?: boolean; context?: Record<string, unknown> }) => void;

export interface Triggers {
  /** A `track()` event (also fed by the dataLayer bridge). */
  track(event: string, props?: Record<string, unknown>): void;
  destroy(): void;
}
