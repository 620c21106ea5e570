import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Marks a sealed value: `hb2:` then the nonce, the tag and the ciphertext, in base64url,
 * dot-separated; the channel id and field name are its additional authenticated data, so a value
 * copied to another channel or field does not open. `hb1:` values were sealed before that (no
 * additional data): they still open, and `sealStoredSecrets` seals them again on start.
 */
const SEALED = 'hb2:';
const LEGACY = 'hb1:';

/** Whether `value` was sealed (by any key, bound or not). */
export const isSealed = (value: string) => value.startsWith(SEALED) || value.startsWith(LEGACY);

/** Whether `value` is sealed and bound to its channel and field. */
export const isBound = (value: string) => value.startsWith(SEALED);

/** The place a secret belongs to: it opens only there. */
export interface SecretPlace {
  channelId: string;
  field: string;
}

/** A sealed secret this collector cannot open: HEARBACK_SECRET_KEY is missing or a different one, or it belongs to another channel or field. */
export class SecretUnreadable extends Error {
  name = 'SecretUnreadable';
}

/** Seals alert channels' secrets before they are stored and opens them when read. */
export interface SecretBox {
  /** Whether `seal` encrypts (HEARBACK_SECRET_KEY is set) or stores values as typed. */
  readonly sealing: boolean;
  seal(value: string, place: SecretPlace): string;
  /** A value stored before the key was set comes back as it is; throws `SecretUnreadable`. */
  open(value: string, place: SecretPlace): string;
}

const additionalData = ({ channelId, field }: SecretPlace) => Buffer.from(JSON.stringify([channelId, field]), 'utf8');

/**
 * AES-256-GCM (Node's crypto) with a key derived from HEARBACK_SECRET_KEY by HKDF-SHA256: each value
 * gets a fresh 96-bit nonce, and a changed byte, another key or another place fails to open.
 * Without a key values are stored as typed, and sealed ones cannot be opened.
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
  // Sealed already by this key for this place (saving a channel again); a typed value that merely
  // starts with a marker is sealed like any other.
  const opens = (value: string, place: SecretPlace) => {
    if (!isBound(value)) return false;
    try {
      box.open(value, place);
      return true;
    } catch {
      return false;
    }
  };
  const box: SecretBox = {
    sealing: true,
    seal(value, place) {
      if (value === '' || opens(value, place)) return value;
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(additionalData(place));
      const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return `${SEALED}${[nonce, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.')}`;
    },
    open(value, place) {
      if (!isSealed(value)) return value;
      const [nonce, tag, sealed] = value.slice(SEALED.length).split('.').map((part) => Buffer.from(part ?? '', 'base64url'));
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
        if (isBound(value)) decipher.setAAD(additionalData(place));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable('it was encrypted with a different HEARBACK_SECRET_KEY, or for another channel or field');
      }
    },
  };
  return box;
}

/** Stores values as typed (tests, and collectors without HEARBACK_SECRET_KEY). */
export const plainBox = createSecretBox();
