import { randomBytes, timingSafeEqual } from 'node:crypto';
import { scryptOnThread } from './scrypt-thread';

// scrypt with N = 2^15, r = 8, p = 1: 32 MiB and about 50–100 ms per hash on a small server —
// slow for someone guessing offline, quick enough for a person signing in. The parameters are
// stored with each hash, so raising them later still verifies old passwords.
const params = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** On a thread at the lowest priority (scrypt-thread.ts): a burst of sign-ins waits for the CPU, the answers do not. */
function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  return scryptOnThread(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 256 * options.N * options.r });
}

/** `scrypt$32768$8$1$<salt>$<hash>` (base64url), with a fresh 16-byte salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Compares in constant time; false for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of nothing anyone knows: signing in with an unknown email still spends one scrypt, so
 * response time does not tell which emails have accounts.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = () =>
  (decoy ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    decoy = undefined; // a hash that failed (its thread stopped) is made again next time, not kept
    throw error;
  }));
