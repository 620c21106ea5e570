/**
 * Prompts that were due while their code could not load (offline, blocked): each stays due, and is
 * tried again when the browser comes back online, or when a later trigger got the code to load.
 * One per survey.
 */
export function createPendingPrompts(win: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined = typeof window === 'object' ? window : undefined) {
  const due = new Map<string, () => void>();
  const retry = () => {
    const waiting = [...due.values()];
    due.clear();
    waiting.forEach((fire) => fire());
  };
  win?.addEventListener('online', retry);
  return {
    add: (surveyId: string, fire: () => void) => void due.set(surveyId, fire),
    forget: (surveyId: string) => void due.delete(surveyId),
    retry,
    destroy() {
      due.clear();
      win?.removeEventListener('online', retry);
    },
  };
}

export type PendingPrompts = ReturnType<typeof createPendingPrompts>;
