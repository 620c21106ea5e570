export const caseStates = ['open', 'contacted', 'resolved'] as const;
export type CaseState = (typeof caseStates)[number];

/**
 * Where a case may go from each state: forward (open → contacted → resolved, or straight to
 * resolved when no call was needed) and back to open when it was closed too early.
 */
export const caseTransitions: Record<CaseState, readonly CaseState[]> = {
  open: ['contacted', 'resolved'],
  contacted: ['resolved', 'open'],
  resolved: ['open'],
};

export const canMove = (from: CaseState, to: CaseState) => caseTransitions[from].includes(to);
