import type { Survey } from '../config/survey-schema';
import type { ShowCause } from '../engine/events';

export interface ShowDecision {
  show: boolean;
  /** Human-readable, for `debug: true`: "nps: skipped, answered 12 days ago, cooldown 90 days". */
  reason: string;
}

/** Frequency, fatigue and sampling. Consent is decided by the engine before rules are asked. */
export interface Rules {
  decide(survey: Survey, cause: ShowCause): Promise<ShowDecision>;
  shown(survey: Survey): Promise<void>;
  answered(survey: Survey): Promise<void>;
  dismissed(survey: Survey): Promise<void>;
  /** The user id changed (identify): sticky sampling follows the user. */
  identify(userId: string | undefined): void;
}
