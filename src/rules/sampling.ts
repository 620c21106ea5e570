/** FNV-1a, 32 bits: a tiny stable hash, so a visitor lands in the same bucket on every visit. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Whether a visitor (user id or device id) is in a sample of `rate` (0–1). `salt` separates samples:
 * the global `sampleRate` uses '' and each survey its id, so the surveys reach different visitors
 * and both rates apply (0.5 globally × 0.2 on a survey = 10% see that survey).
 */
export function inSample(visitor: string, rate: number, salt = ''): boolean {
  return rate >= 1 || fnv1a(salt + '\u0000' + visitor) / 2 ** 32 < rate;
}
