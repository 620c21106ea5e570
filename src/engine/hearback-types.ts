import type { OptionInputs } from '../config/options-schema';
import type { SurveyInput } from '../config/survey-schema';
import type { SurveyType } from '../surveys/kinds';
import type { HearbackEventName, HearbackEvents } from './events';
import type { OutboxStatus } from '../outbox/outbox-types';

/** Options for `init`. Only `endpoint` is required; every other option has a default. */
export type HearbackOptions = Partial<OptionInputs> & {
  /** Where answers are POSTed: https, or http://localhost / 127.0.0.1 for development. */
  endpoint: string;
  /** Survey definitions. @default [] */
  surveys?: SurveyInput[];
};

/** What `show` may change for one prompt: survey fields, and the answer's `context`. */
export type ShowOverrides = Partial<SurveyInput> & { context?: Record<string, unknown> };

export type Handler<K extends HearbackEventName> = (detail: HearbackEvents[K]) => void;

/** The object `init` returns; the same commands as `hearback('command', …)`. */
export interface Hearback {
  /**
   * Shows a survey now (by id, or a built-in type), subject only to consent. Resolves `true` if
   * shown. `overrides.context` goes into that answer's `context`, over `options.context`.
   */
  show(surveyIdOrType: string, overrides?: ShowOverrides): Promise<boolean>;
  /**
   * Reports an event; surveys whose `trigger.event` matches become eligible. The plain-data
   * `props` of the event that opens a prompt go into that answer's `context`, over
   * `options.context` (at most 5 levels deep and 4,096 bytes as JSON; functions and DOM nodes are left out).
   */
  track(event: string, props?: Record<string, unknown>): void;
  /** Attaches a user to later answers and to sticky sampling. */
  identify(userId: string, traits?: Record<string, unknown>): void;
  on<K extends HearbackEventName>(event: K, handler: Handler<K>): () => void;
  off<K extends HearbackEventName>(event: K, handler: Handler<K>): void;
  /** Tries to deliver every queued answer now. */
  flush(): Promise<void>;
  /** With `consent: false`, nothing is stored or sent until `consent(true)`. */
  consent(granted: boolean): void;
  /** Delivery status: answers pending, last error, storage in use. */
  status(): OutboxStatus;
  /** Removes the widget, listeners and timers. */
  destroy(): void;
}

export type { HearbackEvents, HearbackEventName, OutboxStatus, SurveyInput, SurveyType };
