/**
 * The rule for one link field's value, shared by the server (the survey page, the link builder)
 * and the link builder's script — a module without dependencies, so the browser bundle stays small.
 */
/** Longest value a link may put into the answer's context. */
export const maxContextValueLength = 64;

/** Letters and marks of any script (Thai vowels and tone marks are marks), digits, space and `. _ - / #`. */
const contextValuePattern = /^[\p{L}\p{M}\p{N} ._\-/#]+$/u;

export type ContextValueProblem = 'empty' | 'too-long' | 'characters';

/** Why a link value cannot go into the context, or `undefined` when it can. */
export function checkContextValue(value: string): ContextValueProblem | undefined {
  if (value === '') return 'empty';
  if ([...value].length > maxContextValueLength) return 'too-long';
  if (!contextValuePattern.test(value)) return 'characters';
  return undefined;
}
