import { batch, computed, signal } from '@preact/signals';
import type { Logger } from '../common/log';
import { bandOf } from '../surveys/band';
import type { FollowUpInput, PromptRequest } from './prompt-types';

export type Step = 'ask' | 'more' | 'thanks';

/**
 * The state of one prompt on screen (one per prompt session), and what the visitor can do with it:
 * a few signals, the values derived from them as computed signals, and actions. Components only
 * read it and call the actions. Every engine callback is awaited before the step moves on, so
 * "thanks" never shows before the answer is stored.
 */
export function createSession(request: PromptRequest, deps: { log: Logger; unmount(): void }) {
  const { survey, kind, onScore, onComplete, onClose } = request;
  const mode = survey.mode ?? 'popup';
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Kiosk: runs out when an unfinished step has had no input for `kioskIdle` seconds. */
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let answered = false;
  let closed = false;

  const step = signal<Step>('ask');
  const score = signal<number | undefined>(undefined);
  const busy = signal(false);
  const minimised = signal(false);
  /** The minimised tab moved to the top edge (it covered what the visitor's focus is on). */
  const lifted = signal(false);
  /** Kiosk: answers given on this device that wait for the network. */
  const pending = signal(0);
  /** Bumped when focus should move to the current step (the visitor acted inside the prompt). */
  const focus = signal(request.takeFocus ? 1 : 0);

  const band = computed(() => (score.value === undefined ? undefined : bandOf(kind, score.value)));
  const canSend = computed(() => score.value !== undefined && !busy.value);
  /** The contact question: only for an unhappy answer, when the survey asks it. */
  const asksContact = computed(() => !!survey.askContact && band.value === 'detractor');
  /** A follow-up step follows the score: a "why" box, reason chips or the contact question. */
  const hasFollowUp = computed(() => survey.followUp !== false || !!survey.reasons?.length || asksContact.value);
  /**
   * The review link ("Review us on Google") on the thank-you, whatever the score: asking only happy
   * customers for a review is "review gating", which Google's review policy forbids ("Don't
   * discourage or prohibit negative reviews or selectively solicit positive reviews from customers",
   * https://support.google.com/contributionpolicy/answer/7400114).
   */
  const link = survey.reviewLink ?? survey.promoterLink;
  const reviewLink = link && /^https:/i.test(link.url) ? link : undefined;
  /** The ways to reach the visitor the contact question asks for (none: the tick alone). */
  const contactWays = typeof survey.askContact === 'object' ? [...new Set(survey.askContact.ways)] : [];
  const waiting = computed(() => (mode === 'kiosk' ? pending.value : 0));

  const move = (next: Step) => {
    batch(() => {
      step.value = next;
      focus.value++;
    });
    session.touch();
  };

  /** Kiosk: the follow-up, or a score chosen but not sent, gives way to the next customer. */
  async function walkedAway() {
    if (busy.value) return session.touch();
    if (step.value === 'more') await store({});
    reset();
  }

  /** Stores the follow-up (the score is already stored; an empty input releases it as it is). */
  async function store(input: FollowUpInput) {
    busy.value = true;
    try {
      await onComplete(input);
    } catch (error) {
      deps.log.error(`could not store the follow-up: ${String(error)}`);
    }
    busy.value = false;
  }

  const session = {
    mode,
    kind,
    step,
    score,
    busy,
    minimised,
    lifted,
    focus,
    band,
    canSend,
    asksContact,
    contactWays,
    reviewLink,
    waiting,

    choose(value: number) {
      if (step.value === 'ask') score.value = value;
      session.touch();
    },

    /** Kiosk: the customer did something; an unfinished step waits `kioskIdle` seconds from now. */
    touch() {
      clearTimeout(idleTimer);
      if (mode === 'kiosk' && !closed && (step.value === 'more' || (step.value === 'ask' && score.value !== undefined)))
        idleTimer = setTimeout(() => void walkedAway(), (survey.kioskIdle ?? 30) * 1000);
    },

    minimise: () => void (minimised.value = true),
    /** Shows the panel again; `focus` moves focus into it (the visitor asked for it). */
    restore: (focusIt = true) =>
      batch(() => {
        minimised.value = lifted.value = false;
        if (focusIt) focus.value++;
      }),

    /** Kiosk: the outbox's count of answers waiting for the network. */
    setPending: (count: number) => void (pending.value = count),

    async submit() {
      const given = score.value;
      if (given === undefined || busy.value) return;
      busy.value = true;
      try {
        await onScore(given);
      } catch (error) {
        deps.log.error(`could not store the score: ${String(error)}`);
        busy.value = false;
        return;
      }
      answered = true;
      busy.value = false;
      if (hasFollowUp.value) move('more');
      else await session.complete({});
    },

    async complete(input: FollowUpInput) {
      if (busy.value || !answered) return;
      await store(input);
      move('thanks');
      if (mode === 'kiosk') timer = setTimeout(reset, (survey.kioskResetSeconds ?? 5) * 1000);
      else if (mode === 'inline') report('done');
      // A popup closes itself a few seconds after thanks, unless it offers the review link.
      else if (!reviewLink) timer = setTimeout(() => session.close(), 6000);
    },

    /** False once the prompt is closed, or (inline) once its thank-you is up. */
    isActive: () => !closed,

    /** The visitor closed it (button or Escape). */
    close() {
      report(step.value === 'thanks' ? 'done' : 'dismiss');
      stop();
    },

    /** The engine closed it: no `dismiss`, but a given score is released with `done`. */
    unmount() {
      if (answered) report('done');
      stop();
    },
  };

  /** Kiosk: back to the first question for the next customer. */
  function reset() {
    clearTimeout(timer);
    answered = false;
    closed = false;
    batch(() => {
      score.value = undefined;
      move('ask');
    });
  }

  function report(reason: 'dismiss' | 'done') {
    if (closed) return;
    closed = true;
    onClose(reason);
  }

  function stop() {
    clearTimeout(timer);
    clearTimeout(idleTimer);
    closed = true;
    deps.unmount();
  }

  return session;
}

export type Session = ReturnType<typeof createSession>;
