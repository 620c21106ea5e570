/** FNV-1a, 32 bits: a tiny stable hash, so a visitor lands in the same bucket on every visit. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * FNV-1a alone mixes the last characters poorly into the high bits (ids like "u-41", "u-42" would
 * bunch together), so the bucket goes through murmur3's finaliser before it becomes a share.
 */
function bucket(text: string): number {
  let hash = fnv1a(text);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * Whether a visitor (user id or device id) is in a sample of `rate` (0–1). `salt` separates samples:
 * the global `sampleRate` uses '' and each survey its id, so the surveys reach different visitors
 * and both rates apply (0.5 globally × 0.2 on a survey = 10% see that survey).
 */
export function inSample(visitor: string, rate: number, salt = ''): boolean {
  return rate >= 1 || bucket(salt + '\u0000' + visitor) < rate;
}
