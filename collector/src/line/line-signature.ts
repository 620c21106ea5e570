import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `signature` (the `X-Line-Signature` header) is LINE's signature of `rawBody` with the
 * channel secret: HMAC-SHA256 of the body's exact bytes, base64. Compared in constant time; a
 * missing or malformed header, or an empty secret, is never valid.
 */
export function isLineSignatureValid(rawBody: Uint8Array | string, signature: string | undefined, channelSecret: string): boolean {
  if (!signature || !channelSecret) return false;
  const expected = createHmac('sha256', channelSecret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature LINE would send for `rawBody` (the fake LINE in tests signs with it). */
export const lineSignature = (rawBody: Uint8Array | string, channelSecret: string) => createHmac('sha256', channelSecret).update(rawBody).digest('base64');
