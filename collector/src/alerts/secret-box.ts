import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Marks a sealed value: `hb1:` then the nonce, the tag and the ciphertext, in base64url, dot-separated. */
const SEALED = 'hb1:';

/** Whether `value` was sealed (by any key). */
export const isSealed = (value: string) => value.startsWith(SEALED);

/** A sealed secret this collector cannot open: HEARBACK_SECRET_KEY is missing or a different one. */
export class SecretUnreadable extends Error {
  name = 'SecretUnreadable';
}

/** Seals alert channels' secrets before they are stored and opens them when read. */
export interface SecretBox {
  /** Whether `seal` encrypts (HEARBACK_SECRET_KEY is set) or stores values as typed. */
  readonly sealing: boolean;
  seal(value: string): string;
  /** A value stored before the key was set comes back as it is; throws `SecretUnreadable`. */
  open(value: string): string;
}

/**
 * AES-256-GCM (Node's crypto) with a key derived from HEARBACK_SECRET_KEY by HKDF-SHA256: each value
 * gets a fresh 96-bit nonce, and a changed byte or another key fails to open. Without a key values
 * are stored as typed, and sealed ones cannot be opened.
 */
export function createSecretBox(secretKey?: string): SecretBox {
  if (!secretKey) {
    return {
      sealing: false,
      seal: (value) => value,
      open(value) {
        if (isSealed(value)) throw new SecretUnreadable('it was encrypted with HEARBACK_SECRET_KEY, which is not set now');
        return value;
      },
    };
  }
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'hearback', 'alert channel secrets', 32));
  // Sealed already by this key (saving a channel again); a typed value that merely starts with
  // the marker is sealed like any other.
  const opens = (value: string) => {
    if (!isSealed(value)) return false;
    try {
      box.open(value);
      return true;
    } catch {
      return false;
    }
  };
  const box: SecretBox = {
    sealing: true,
    seal(value) {
      if (value === '' || opens(value)) return value;
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return `${SEALED}${[nonce, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.')}`;
    },
    open(value) {
      if (!isSealed(value)) return value;
      const [nonce, tag, sealed] = value.slice(SEALED.length).split('.').map((part) => Buffer.from(part, 'base64url'));
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable('it was encrypted with a different HEARBACK_SECRET_KEY');
      }
    },
  };
  return box;
}

/** Stores values as typed (tests, and collectors without HEARBACK_SECRET_KEY). */
export const plainBox = createSecretBox();
