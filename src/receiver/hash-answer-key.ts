/**
 * The SHA-256 of an answer's `key`, as 64 lowercase hex digits: what a receiver stores instead of
 * the key itself, and compares when a later POST with the same `id` asks to amend the answer. Uses
 * Web Crypto (`crypto.subtle`), present in Node 20 and every browser's secure context.
 * @example
 * const keyHash = answer.key ? await hashAnswerKey(answer.key) : null; // store with the answer
 * // later: amend only when (await hashAnswerKey(repeat.key)) === stored.keyHash
 */
export async function hashAnswerKey(key: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
