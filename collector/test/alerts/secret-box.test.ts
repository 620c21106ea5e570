import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, SecretUnreadable } from '../../src/alerts/secret-box';

const key = 'k'.repeat(16) + 'a-long-enough-key';
const token = 'line-channel-access-token-abcdefWXYZ';
const place = { channelId: '7d3f5c2e-1111-4a4a-9b9b-0123456789ab', field: 'token' };

describe('sealing alert secrets', () => {
  it('encrypts each value with a fresh nonce and opens it again with the same key', () => {
    const box = createSecretBox(key);
    const once = box.seal(token, place);
    const twice = box.seal(token, place);
    expect(isSealed(once)).toBe(true);
    expect(once).not.toContain(token);
    expect(once).not.toBe(twice);
    expect(box.open(once, place)).toBe(token);
    expect(createSecretBox(key).open(twice, place)).toBe(token);
    expect(box.open(box.seal('ไทย 🔑', place), place)).toBe('ไทย 🔑');
  });

  it('passes values stored before the key was set through, and never seals twice', () => {
    const box = createSecretBox(key);
    expect(box.open(token, place)).toBe(token);
    const sealed = box.seal(token, place);
    expect(box.seal(sealed, place)).toBe(sealed);
    expect(box.seal('', place)).toBe('');
  });

  it('seals a typed value that happens to start like a sealed one', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('hb1:my-password', place);
    expect(sealed).not.toBe('hb1:my-password');
    expect(box.open(sealed, place)).toBe('hb1:my-password');
  });

  it('refuses another key, a changed byte, and a sealed value without a key', () => {
    const sealed = createSecretBox(key).seal(token, place);
    expect(() => createSecretBox(`${key}!`).open(sealed, place)).toThrow(SecretUnreadable);
    expect(() => createSecretBox(`${key}!`).open(sealed, place)).toThrow(/different HEARBACK_SECRET_KEY/);
    const [nonce, tag, body] = sealed.slice(4).split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => createSecretBox(key).open(`hb2:${nonce}.${tag}.${flipped.toString('base64url')}`, place)).toThrow(SecretUnreadable);
    expect(() => createSecretBox().open(sealed, place)).toThrow(/not set/);
    expect(createSecretBox().seal(token, place)).toBe(token);
  });

  it('binds a sealed value to its channel and field: copied elsewhere it does not open', () => {
    const box = createSecretBox(key);
    const sealed = box.seal(token, place);
    expect(box.open(sealed, place)).toBe(token);
    expect(() => box.open(sealed, { ...place, channelId: '0b0b0b0b-2222-4c4c-8d8d-ba9876543210' })).toThrow(SecretUnreadable);
    expect(() => box.open(sealed, { ...place, field: 'password' })).toThrow(/another channel or field/);
  });
});
