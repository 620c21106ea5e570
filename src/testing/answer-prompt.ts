import { HearbackTimeoutError } from '../common/errors';
/** What to answer; leave `comment` out to skip the follow-up. */
export interface PromptAnswer {
  score: number;
  comment?: string;
  /** Labels of reason chips to tick. */
  reasons?: string[];
  /** Tick "May we contact you?" (detractors, when the survey asks). */
  contact?: boolean;
}

/**
 * Answers the open hearback prompt the way a visitor would (radio, Send, follow-up, Send) and
 * resolves with the thank-you text. Works in happy-dom, jsdom and real browsers.
 *
 * @example
 * await answerPrompt({ score: 9, comment: 'Fast delivery' });
 */
export async function answerPrompt(answer: PromptAnswer, page: Document = document): Promise<string> {
  const root = await waitFor(() => page.querySelector('hearback-prompt')?.shadowRoot, 'a hearback prompt on the page');
  const radio = await waitFor(() => root.querySelector<HTMLInputElement>(`input[type=radio][value="${answer.score}"]`), `a radio for score ${answer.score}`);
  radio.click();
  await waitFor(() => root.querySelector<HTMLButtonElement>(`${send}:not([disabled])`), 'the Send button enabled').then((b) => b.click());
  const status = () => root.querySelector('[role=status]')?.textContent?.trim();
  const followUp = await waitFor(() => status() || root.querySelector('textarea, input[type=checkbox]') ? true : undefined, 'the follow-up or the thank-you');
  if (followUp && !status()) {
    const box = root.querySelector('textarea');
    if (box && answer.comment !== undefined) {
      box.value = answer.comment;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    for (const label of root.querySelectorAll('label')) {
      const input = label.querySelector<HTMLInputElement>('input[type=checkbox]');
      const isChip = !!label.closest('[role=group]');
      const wanted = isChip ? !!answer.reasons?.includes(label.textContent?.trim() ?? '') : !!answer.contact;
      if (input && wanted !== input.checked) input.click();
    }
    await tick();
    root.querySelector<HTMLButtonElement>(send)?.click();
  }
  return waitFor(status, 'the thank-you');
}

/** Each step's sending button: the last of its actions (after "Skip"). */
const send = '.actions button:last-child';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Polls (bounded: 5 s) until `read` returns something truthy. */
async function waitFor<T>(read: () => T | null | undefined | '', what: string): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new HearbackTimeoutError(`answerPrompt: timed out waiting for ${what}`);
}
