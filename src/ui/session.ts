import type { Logger } from '../log';
import { createModel } from './model';
import type { FollowUpInput, PromptRequest } from './prompt-types';

export type Step = 'ask' | 'more' | 'thanks';

/**
 * The state of one prompt on screen, and what the visitor can do with it. Components only read the
 * cells and call the actions. Every engine callback is awaited before the step moves on, so
 * "thanks" never shows before the answer is stored.
 */
export function createSession(request: PromptRequest, deps: { log: Logger; needsMore(score: number): boolean; keepsThanks(score: number): boolean; unmount(): void }) {
  const { survey, onScore, onComplete, onClose } = request;
  const mode = survey.mode ?? 'popup';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let answered = false;
  let closed = false;
  const { cell, watch } = createModel();

  const session = {
    /** Re-render on any change of the cells below. */
    watch,
    step: cell<Step>('ask'),
    score: cell<number | undefined>(undefined),
    busy: cell(false),
    minimised: cell(false),
    pending: cell(0),
    /** Bumped when focus should move to the current step (the visitor acted inside the prompt). */
    focus: cell(request.takeFocus ? 1 : 0),

    async submit() {
      const score = session.score.value;
      if (score === undefined || session.busy.value) return;
      session.busy.value = true;
      try {
        await onScore(score);
      } catch (error) {
        deps.log.error(`could not store the score: ${String(error)}`);
        session.busy.value = false;
        return;
      }
      answered = true;
      session.busy.value = false;
      if (deps.needsMore(score)) move('more');
      else await session.complete({});
    },

    async complete(input: FollowUpInput) {
      if (session.busy.value || !answered) return;
      session.busy.value = true;
      try {
        await onComplete(input);
      } catch (error) {
        deps.log.error(`could not store the follow-up: ${String(error)}`);
      }
      session.busy.value = false;
      move('thanks');
      if (mode === 'kiosk') timer = setTimeout(reset, (survey.kioskResetSeconds ?? 5) * 1000);
      else if (mode === 'inline') report('done');
      // A popup closes itself a few seconds after thanks, unless it offers the promoter link.
      else if (!deps.keepsThanks(session.score.value!)) timer = setTimeout(() => session.close(), 6000);
    },

    /** False once the prompt is closed, or (inline) once its thank-you is up. */
    isActive: () => !closed,

    /** The visitor closed it (button or Escape). */
    close() {
      report(session.step.value === 'thanks' ? 'done' : 'dismiss');
      stop();
    },

    /** The engine closed it: no `dismiss`, but a given score is released with `done`. */
    unmount() {
      if (answered) report('done');
      stop();
    },
  };

  function move(step: Step) {
    session.step.value = step;
    session.focus.value++;
  }

  /** Kiosk: back to the first question for the next customer. */
  function reset() {
    answered = false;
    closed = false;
    session.score.value = undefined;
    move('ask');
  }

  function report(reason: 'dismiss' | 'done') {
    if (closed) return;
    closed = true;
    onClose(reason);
  }

  function stop() {
    clearTimeout(timer);
    closed = true;
    deps.unmount();
  }

  return session;
}

export type Session = ReturnType<typeof createSession>;
