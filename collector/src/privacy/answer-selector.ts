/**
 * Whose data a privacy operation is about: one person, by the `user.id` or the `user.email` the
 * site passed to `identify()` or `init({ user })` (an email also finds the answers where the
 * customer left it as their way to be reached, `contactVia.email`), or one answer (its client `id`, which a visitor
 * without a user id can read from their own answer's export).
 */
export type AnswerSelector = { user: string } | { email: string } | { answer: string };

const kinds = ['user', 'email', 'answer'] as const;
type Kind = (typeof kinds)[number];

const kindOf = (selector: AnswerSelector): Kind => kinds.find((kind) => kind in selector)!;
const valueOf = (selector: AnswerSelector): string => (selector as Record<Kind, string>)[kindOf(selector)];

/**
 * The SQL condition on `responses` for a selector, and its one parameter. A user id is matched as
 * the stored `user` object holds it, so `42` finds answers whose `user.id` was the JSON number 42
 * as well as the string "42"; an email (in `user` or `contactVia`) is matched without case and
 * surrounding spaces.
 */
export function selectorCondition(selector: AnswerSelector): { sql: string; param: string } {
  const value = valueOf(selector);
  switch (kindOf(selector)) {
    case 'user': return { sql: `user_data->>'id' = $1`, param: value };
    case 'email': return { sql: `(lower(user_data->>'email') = $1 OR lower(contact_via->>'email') = $1)`, param: value.trim().toLowerCase() };
    default: return { sql: 'id = $1', param: value };
  }
}

/** `user u-42` / `email somchai@example.com` / `answer 3b0c…`, for messages and the CLI. */
export function describeSelector(selector: AnswerSelector): string {
  return `${kindOf(selector)} ${valueOf(selector)}`;
}

/** The kind of a selector, for logs (the value itself stays out of them). */
export const selectorKind = kindOf;

const maxIdLength = 200;

/**
 * Reads a selector from loose input (query parameters, a JSON body, CLI flags): exactly one of
 * `user`, `email` and `answer`, a non-empty string of at most 200 characters (a JSON number is
 * taken as its text, for a site whose user ids are numbers). Returns the problems otherwise.
 */
export function parseSelector(input: { user?: unknown; email?: unknown; answer?: unknown }): { ok: true; selector: AnswerSelector } | { ok: false; problems: string[] } {
  const given = kinds.filter((key) => input[key] !== undefined && input[key] !== null && input[key] !== '');
  if (given.length !== 1) return { ok: false, problems: [given.length ? 'give only one of user, email and answer' : 'give user (a user id), email (a user email) or answer (an answer id)'] };
  const key = given[0];
  const raw = input[key];
  const value = typeof raw === 'number' && Number.isFinite(raw) && key === 'user' ? String(raw) : raw;
  if (typeof value !== 'string') return { ok: false, problems: [`${key} must be a string (got ${typeof raw})`] };
  if (!value.trim()) return { ok: false, problems: [`${key} must not be blank`] };
  if (value.length > maxIdLength) return { ok: false, problems: [`${key} must be at most ${maxIdLength} characters (got ${value.length})`] };
  return { ok: true, selector: { [key]: key === 'email' ? value.trim() : value } as AnswerSelector };
}
