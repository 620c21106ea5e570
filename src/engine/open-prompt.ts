import type { Config } from '../config/parse-options';
import type { Survey } from '../config/survey-schema';
import type { Emitter } from '../common/emitter';
import type { HearbackEvents, ShowCause } from './events';
import { guard } from '../common/guard';
import type { Logger } from '../common/log';
import type { Outbox } from '../outbox/outbox-types';
import { createAnswerId, createAnswerKey } from '../payload/answer-id';
import type { Answer } from '../payload/answer-schema';
import { buildAnswer, type AnswerEnvironment, type AnswerInput } from '../payload/build-answer';
import { placeholderValues } from './placeholder-values';
import type { Rules } from '../rules/rule-types';
import type { PromptUi } from '../ui/prompt-types';
import { surveyKinds } from '../surveys/kinds';

/** `context` is `options.context` with the opening event's or `show`'s context over it. */
export interface OpenPromptDeps extends Pick<AnswerEnvironment, 'locale' | 'user' | 'context'> {
  survey: Survey;
  cause: ShowCause;
  takeFocus: boolean;
  config: Config;
  ui: PromptUi;
  outbox: Outbox;
  rules: Rules;
  emitter: Emitter<HearbackEvents>;
  log: Logger;
}

/**
 * Shows one prompt and carries its answers through the outbox: the score is stored *held* before
 * the UI moves on, the follow-up amends it under the same id, and closing releases it — so a score
 * without a comment is still delivered, and score plus comment are one answer. A kiosk prompt
 * calls `onScore` again for the next customer: that starts a new answer. Returns whether the UI
 * opened it: one it could not open (its target missing, no texts) is not an event, and the rules do
 * not count it as shown.
 */
export function openPrompt({ survey, cause, takeFocus, config, context, user, locale, ui, outbox, rules, emitter, log }: OpenPromptDeps) {
  let draft: Answer | undefined;
  let final = true;

  const finish = () => {
    if (!draft || final) return;
    final = true;
    void guard(log, () => outbox.release(draft!.id));
    emitter.emit('answer', { id: draft.id, survey: survey.id, answer: draft });
  };
  const build = (input: AnswerInput, id: string, key: string, now: Date) =>
    buildAnswer(survey, input, { id, key, now, locale, href: location.href, sendFullUrl: config.sendFullUrl, user, context });

  const opened = ui.open({
    survey,
    kind: surveyKinds[survey.type],
    locale,
    theme: config.theme,
    nonce: config.nonce,
    values: placeholderValues(context, user),
    takeFocus,
    outbox: { status: outbox.status, subscribe: outbox.subscribe },
    async onScore(score) {
      finish();
      draft = build({ score }, createAnswerId(), createAnswerKey(), new Date());
      final = false;
      await outbox.enqueue(draft, { held: true });
      void guard(log, () => rules.answered(survey));
    },
    async onComplete(input) {
      if (!draft || final) return;
      draft = build({ ...input, score: draft.score }, draft.id, draft.key!, new Date(draft.answeredAt));
      await outbox.amend(draft);
      final = true;
      emitter.emit('answer', { id: draft.id, survey: survey.id, answer: draft });
    },
    onClose(reason) {
      const answered = !!draft;
      finish();
      if (reason !== 'dismiss') return;
      emitter.emit('dismiss', { survey: survey.id, answered });
      if (!answered) void guard(log, () => rules.dismissed(survey));
    },
  });
  if (!opened) return false;
  emitter.emit('show', { survey: survey.id, type: survey.type, cause });
  void guard(log, () => rules.shown(survey));
  return true;
}
