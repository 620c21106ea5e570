import { toJson } from './to-json';

/**
 * Bounds for the free-form `user` and `context` objects of an answer. The SDK keeps what it sends
 * within them and receivers refuse answers beyond them: a database column of JSON, a dashboard
 * filter and an alert template all stay cheap when these objects are small and shallow.
 */
export const maxDataDepth = 5;
/** UTF-8 bytes of the object as JSON. */
const maxDataBytes = 4096;

/**
 * Why `value` is out of bounds (`"must be nested at most 5 levels deep"`), or `undefined` when it
 * fits. `{ a: 1 }` is one level, `{ a: { b: 1 } }` two. Walks with its own stack and stops at the
 * first level too deep, so a body nested 5,000 deep is refused without recursion.
 */
export function dataBoundsProblem(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDataDepth) return `must be nested at most ${maxDataDepth} levels deep`;
    for (const key of Object.keys(node)) stack.push([(node as Record<string, unknown>)[key], depth + 1]);
  }
  const bytes = utf8Length(toJson(value) ?? '');
  return bytes > maxDataBytes ? `must be at most ${maxDataBytes.toLocaleString('en')} bytes as JSON (is ${bytes.toLocaleString('en')})` : undefined;
}

/** UTF-8 byte length without allocating a copy (Thai text is 3 bytes per character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
