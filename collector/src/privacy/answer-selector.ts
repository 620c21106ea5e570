/**
 * Whose data a privacy operation is about: one person (the `user.id` the site passed to
 * `identify()` or `init({ user })`) or one answer (its client `id`, which a visitor without a user
 * id can read from their own answer's export).
 */
export type AnswerSelector = { user: string } | { answer: string };

/** The SQL condition on `responses` and its one parameter, for a selector. */
export function selectorCondition(selector: AnswerSelector): { sql: string; param: string } {
  return 'user' in selector ? { sql: 'user_id = $1', param: selector.user } : { sql: 'id = $1', param: selector.answer };
}

/** `user u-42` / `answer 3b0c…`, for messages and the CLI. */
export function describeSelector(selector: AnswerSelector): string {
  return 'user' in selector ? `user ${selector.user}` : `answer ${selector.answer}`;
}

const maxIdLength = 200;

/**
 * Reads a selector from loose input (query parameters, a JSON body, CLI flags): exactly one of
 * `user` and `answer`, a non-empty string of at most 200 characters. Returns the problems otherwise.
 */
export function parseSelector(input: { user?: unknown; answer?: unknown }): { ok: true; selector: AnswerSelector } | { ok: false; problems: string[] } {
  const given = (['user', 'answer'] as const).filter((key) => input[key] !== undefined && input[key] !== null && input[key] !== '');
  if (given.length !== 1) return { ok: false, problems: [given.length ? 'give either user or answer, not both' : 'give user (a user id) or answer (an answer id)'] };
  const key = given[0];
  const value = input[key];
  if (typeof value !== 'string') return { ok: false, problems: [`${key} must be a string (got ${typeof value})`] };
  if (value.length > maxIdLength) return { ok: false, problems: [`${key} must be at most ${maxIdLength} characters (got ${value.length})`] };
  return { ok: true, selector: key === 'user' ? { user: value } : { answer: value } };
}
