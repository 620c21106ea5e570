/**
 * A random UUID v4 for each answer: receivers deduplicate on it, so it must be unique across
 * devices. `crypto.randomUUID` exists only in secure contexts (an http page has none), so the
 * fallback builds one from `crypto.getRandomValues`, which every supported browser has everywhere.
 */
export function createAnswerId(cryptoImpl: Crypto = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The answer's `key`: 18 random bytes (144 bits) as base64url, made with the answer and sent with
 * every delivery of it. A receiver keeps only its hash and lets a later POST with the same `id`
 * amend the answer only when it carries the same key, so an answer's `id` (it is in every alert
 * link) is never enough to change it. 18 bytes are 24 base64 characters: no `=` padding to strip.
 */
export function createAnswerKey(cryptoImpl: Crypto = globalThis.crypto): string {
  return btoa(String.fromCharCode(...cryptoImpl.getRandomValues(new Uint8Array(18)))).replace(/\+/g, '-').replace(/\//g, '_');
}
