import { h, render } from 'preact';
import { createSheet, mountHost } from './mount';
import { Prompt } from './prompt';
import type { PromptRequest, PromptUi, PromptUiDeps } from './prompt-types';
import { watchPage } from './page-focus';
import { createSession, type Session } from './session';
import { messagesFor } from '../i18n/messages';

/**
 * The preact prompt UI. One prompt at a time: `open` replaces whatever is on screen. Never throws
 * into the page: a missing target (inline, or a kiosk given one) is logged and nothing opens.
 * `deps`: `PromptUiDeps` (prompt-types.ts).
 */
export function createPromptUi({ log, idle, languages }: PromptUiDeps): PromptUi {
  let current: Session | undefined;
  let sheet: CSSStyleSheet | undefined;
  const getSheet = () => (sheet ??= createSheet());
  // Parsing the prompt CSS costs ~7 ms at 4× CPU throttle: pay it while the page is idle (in a task
  // of its own where requestIdleCallback is missing: Safari), not when a prompt is due.
  const cancelIdle = idle(getSheet);

  function open(request: PromptRequest): boolean {
    // First: without texts (none loaded) it throws before anything is on screen.
    const messages = messagesFor(request.locale, languages);
    current?.unmount();
    const { survey } = request;
    // Inline always, a kiosk when given a target, sits in the page; otherwise over it.
    const parent = survey.mode === 'inline' || (survey.mode === 'kiosk' && survey.target) ? document.querySelector(survey.target ?? '') : document.body;
    if (!parent) {
      log.error(`${survey.id}: ${survey.mode} target ${JSON.stringify(survey.target ?? '')} not found on the page; the prompt is not shown`);
      return false;
    }
    const { host, root } = mountHost(parent, request.nonce, getSheet);
    let unsubscribe = () => {};
    const session: Session = createSession(request, {
      log,
      unmount() {
        unsubscribe();
        stopWatch(() => {
          render(null, root);
          host.remove();
        });
        if (current === session) current = undefined;
      },
    });
    const stopWatch = watchPage(host, session);
    current = session;
    if (survey.mode === 'kiosk') {
      const update = (status: { pending: number }) => session.setPending(status.pending);
      update(request.outbox.status());
      unsubscribe = request.outbox.subscribe(update);
    }
    render(h(Prompt, { session, request, messages }), root);
  
    return true;
  }

  return {
    open: (request) => {
      try {
        return open(request);
      } catch (error) {
        log.error(`could not show the prompt: ${String(error)}`);
        return false;
      }
    },
    close: () => current?.unmount(),
    isOpen: () => !!current?.isActive(),
    destroy() {
      cancelIdle();
      current?.unmount();
    },
  };
}
