import type { SurveyType } from '../surveys/kinds';
import type { Answer } from '../payload/answer-schema';

/** Why a prompt opened: the trigger that fired, or `show` for an explicit call. */
export type ShowCause = 'show' | 'event' | 'delay' | 'scroll' | 'exitIntent' | 'url' | 'pageViews' | 'selector' | 'attribute';

/** The public events and what their handlers receive. */
export interface HearbackEvents {
  /** A prompt became visible. */
  show: { survey: string; type: SurveyType; cause: ShowCause };
  /** The visitor answered (fires once per answer, when it is final: follow-up sent or prompt closed after the score). */
  answer: { id: string; survey: string; answer: Answer };
  /** The visitor closed the prompt before the end; `answered` tells whether a score was already given. */
  dismiss: { survey: string; answered: boolean };
  /** An answer is stored (IndexedDB or memory) and waits for delivery. */
  queued: { id: string; survey: string; pending: number };
  /** The endpoint accepted an answer (2xx or 409). */
  sent: { id: string; survey: string; status: number };
  /** Something went wrong; `kind` says what. Delivery errors carry the answer `id` and HTTP `status`. */
  error: { kind: 'config' | 'delivery' | 'storage' | 'evicted' | 'expired' | 'handler'; message: string; id?: string; status?: number };
}

export type HearbackEventName = keyof HearbackEvents;
