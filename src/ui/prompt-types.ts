import type { Logger } from '../common/log';
import type { WhenIdle } from '../common/when-idle';
import type { Config } from '../config/parse-options';
import type { Survey } from '../config/survey-schema';
import type { OutboxStatus } from '../outbox/outbox-types';
import type { ContactWay } from '../payload/contact-ways';
import type { SurveyKind } from '../surveys/band';

/** What the visitor adds after the score. */
export interface FollowUpInput {
  comment?: string;
  reasons?: string[];
  contact?: boolean;
  /** How to reach the visitor, as typed (checked against the payload's patterns); only with `contact`. */
  contactVia?: Partial<Record<ContactWay, string>>;
}

/**
 * One prompt, as the engine hands it to the UI. The UI never talks to storage or the network:
 * it calls these callbacks and waits for them (the answer is persisted before "thanks" shows).
 */
export interface PromptRequest {
  survey: Survey;
  /** The survey type's scale and bands (`surveyKinds[survey.type]`), so the prompt's chunk does not carry the table. */
  kind: SurveyKind;
  /** The resolved language tag the prompt is shown in. */
  locale: string;
  theme: Config['theme'];
  nonce?: string;
  /** Values for `{placeholders}`: `context` first, then `user` (as `user.id`, `user.name`, …). */
  values: Record<string, unknown>;
  /** True when the visitor asked for it (a click): focus moves into the prompt. */
  takeFocus: boolean;
  /** The visitor submitted a score; resolves once it is stored. */
  onScore(score: number): Promise<void>;
  /** The visitor finished the follow-up; resolves once the whole answer is stored. */
  onComplete(input: FollowUpInput): Promise<void>;
  /** The prompt closed: `dismiss` before the end, `done` after the thank-you. */
  onClose(reason: 'dismiss' | 'done'): void;
  /** Delivery status for the kiosk's "answers waiting" line. */
  outbox: { status(): OutboxStatus; subscribe(listener: (status: OutboxStatus) => void): () => void };
}

export interface PromptUi {
  /** Shows the prompt; false when it could not (its target is missing, no texts): logged, nothing on screen. */
  open(request: PromptRequest): boolean;
  close(): void;
  isOpen(): boolean;
  destroy(): void;
}

/**
 * What the engine hands the prompt's code: its logger, its idle-time scheduler (the engine's own, so
 * the prompt's chunk does not carry a second copy) and the languages' tables as they arrive (tag →
 * table, `i18n/languages/`): it adds a language's before opening a prompt in it.
 */
export interface PromptUiDeps {
  log: Logger;
  idle: WhenIdle;
  languages: Record<string, string>;
}

/**
 * The prompt's code as it arrives on demand (the npm module's `import()`, the script tag's prompt
 * chunk): everything that needs preact, signals and the stylesheet (each language's texts come apart).
 */
export interface PromptCode {
  createPromptUi(deps: PromptUiDeps): PromptUi;
}

/** How the engine brings the prompt's code, and a language's texts, when it needs them. */
export interface PromptSource {
  /** Resolves with the prompt's code; rejects when it cannot load now (offline, blocked, tampered). */
  loadPrompt(): Promise<PromptCode>;
  /** The texts of a supported language (`table`), or undefined for a tag without one; rejects like `loadPrompt`. */
  loadLanguage(tag: string): Promise<string | undefined>;
}
