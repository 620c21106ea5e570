import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, SecretUnreadable } from '../../src/alerts/secret-box';

const key = 'k'.repeat(16) + 'a-long-enough-key';
const token = 'line-channel-access-token-abcdefWXYZ';

describe('sealing alert secrets', () => {
  it('encrypts each value with a fresh nonce and opens it again with the same key', () => {
    const box = createSecretBox(key);
    const once = box.seal(token);
    const twice = box.seal(token);
    expect(isSealed(once)).toBe(true);
    expect(once).not.toContain(token);
    expect(once).not.toBe(twice);
    expect(box.open(once)).toBe(token);
    expect(createSecretBox(key).open(twice)).toBe(token);
    expect(box.open(box.seal('ไทย 🔑'))).toBe('ไทย 🔑');
  });

  it('passes values stored before the key was set through, and never seals twice', () => {
    const box = createSecretBox(key);
    expect(box.open(token)).toBe(token);
    const sealed = box.seal(token);
    expect(box.seal(sealed)).toBe(sealed);
    expect(box.seal('')).toBe('');
  });

  it('seals a typed value that happens to start like a sealed one', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('hb1:my-password');
    expect(sealed).not.toBe('hb1:my-password');
    expect(box.open(sealed)).toBe('hb1:my-password');
  });

  it('refuses another key, a changed byte, and a sealed value without a key', () => {
    const sealed = createSecretBox(key).seal(token);
    expect(() => createSecretBox(`${key}!`).open(sealed)).toThrow(SecretUnreadable);
    expect(() => createSecretBox(`${key}!`).open(sealed)).toThrow(/different HEARBACK_SECRET_KEY/);
    const [nonce, tag, body] = sealed.slice(4).split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => createSecretBox(key).open(`hb1:${nonce}.${tag}.${flipped.toString('base64url')}`)).toThrow(SecretUnreadable);
    expect(() => createSecretBox().open(sealed)).toThrow(/not set/);
    expect(createSecretBox().seal(token)).toBe(token);
  });
});
