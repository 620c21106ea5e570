/** How long a team has, by default, to contact an unhappy customer: 48 hours from their answer. */
export const DEFAULT_CASE_DUE_HOURS = 48;

/**
 * Hours from an answer to when its case is due (the customer should have been contacted by then).
 * The one place the app reads it: when the settings page keeps a value for it, this function
 * returns that value (read through the settings cache in the answer's transaction), else the
 * default.
 */
export function caseDueHours(): number {
  return DEFAULT_CASE_DUE_HOURS;
}

/** When a case opened by an answer given at `answeredAt` is due. */
export function caseDueAt(answeredAt: string | Date, hours = caseDueHours()): Date {
  return new Date(new Date(answeredAt).getTime() + hours * 3_600_000);
}
