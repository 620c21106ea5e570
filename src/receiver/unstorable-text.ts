/** U+0000, or a UTF-16 surrogate without its pair: neither can be stored as text (PostgreSQL refuses both). */
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first string in `value` (object keys included) that no database text column can hold: a NUL
 * character or a lone surrogate. Without this check such an answer reaches the database, fails
 * there, and a receiver answers 5xx, so the widget keeps the answer and retries it for ever.
 * Returns the problem as a sentence naming the field, or `undefined`. `value` is an answer that
 * already passed the schema, so its depth is bounded.
 */
export function unstorableTextProblem(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return unstorable.test(value) ? describe(path || 'body', value) : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const where = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (unstorable.test(key)) return `${path || 'body'} has a key with ${what(key)}; keys and text must not contain it`;
    const problem = unstorableTextProblem(item, where);
    if (problem) return problem;
  }
  return undefined;
}

const what = (text: string) => (text.includes('\u0000') ? 'a NUL character (U+0000)' : 'an unpaired UTF-16 surrogate');
const describe = (path: string, text: string) => `${path} contains ${what(text)}, which cannot be stored as text; remove it`;
