/** U+0000, or a UTF-16 surrogate without its pair: neither can be stored as text (PostgreSQL refuses both). */
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first string in `value` (object keys included) that no database text column can hold: a NUL
 * character or a lone surrogate. Without this check such an answer reaches the database, fails
 * there, and a receiver answers 5xx, so the widget keeps the answer and retries it for ever.
 * Returns the problem as a sentence naming the field, or `undefined`. Any depth: the collector
 * also checks every form and JSON body with it, before anything else has looked at them.
 */
export function unstorableTextProblem(value: unknown, path = ''): string | undefined {
  // Depth first, in document order, with a stack of its own: a body nested thousands of levels
  // deep is checked like any other instead of overflowing the call stack.
  const pending: [unknown, string][] = [[value, path]];
  while (pending.length) {
    const [item, where] = pending.pop()!;
    if (typeof item === 'string') {
      if (unstorable.test(item)) return describe(where || 'body', item);
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const children: [unknown, string][] = [];
    for (const [key, child] of Object.entries(item)) {
      if (unstorable.test(key)) return `${where || 'body'} has a key with ${what(key)}; keys and text must not contain it`;
      children.push([child, Array.isArray(item) ? `${where}[${key}]` : where ? `${where}.${key}` : key]);
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  return undefined;
}

const what = (text: string) => (text.includes('\u0000') ? 'a NUL character (U+0000)' : 'an unpaired UTF-16 surrogate');
const describe = (path: string, text: string) => `${path} contains ${what(text)}, which cannot be stored as text; remove it`;
