// What the receiver kit refuses beyond the payload's shape: ids that cannot travel in a link, an
// `sdk` or reasons of any length, and a malformed `key`. Each comes back as a problem naming the field.
import { describe, expect, it } from 'vitest';
import { createAnswerId } from '../../../src/payload/answer-id';
import { hashAnswerKey, parseAnswer } from '../../../src/receiver';

const answer = {
  v: 1, id: '3b0c1f2e-aaaa-bbbb', survey: 'after-checkout', type: 'csat', score: 4, scale: [1, 5], locale: 'th',
  url: 'https://shop.example/checkout/done', answeredAt: '2026-11-23T10:00:00.000Z', sdk: 'hearback/0.1.0',
};
const now = new Date('2026-11-23T10:01:00.000Z');
const problemsOf = (overrides: Record<string, unknown>) => {
  const result = parseAnswer({ ...answer, ...overrides }, { now });
  return result.ok ? [] : result.problems;
};
const idRule = 'id must be 8–64 letters, digits, "-", "_"';

describe('receiver kit bounds', () => {
  it('accepts the ids widgets make (UUIDs, with or without randomUUID) and the test ids servers use', () => {
    const withoutRandomUUID = { getRandomValues: (a: Uint8Array) => globalThis.crypto.getRandomValues(a) } as Crypto;
    for (const id of [createAnswerId(), createAnswerId(withoutRandomUUID), 'A_17-order-2026', 'x'.repeat(64), '12345678']) {
      expect(problemsOf({ id })).toEqual([]);
    }
  });

  it.each([
    ['a slash', 'order/1001/answer'],
    ['an emoji', 'answer-😀-1234'],
    ['a bidi control', 'answer-\u202e1234'],
    ['a space', 'answer 12345'],
    ['a dot', '../../etc/passwd'],
    ['too short', 'abc'],
    ['too long', 'x'.repeat(65)],
  ])('refuses an id with %s, naming the allowed letters', (_what, id) => {
    expect(problemsOf({ id })).toEqual([expect.stringMatching(new RegExp(`^${idRule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(got `))]);
  });

  it.each([
    ['a slash', 'checkout/done'],
    ['an emoji', 'survey-😀'],
    ['a bidi control', 'survey-\u202eevil'],
    ['a space', 'after checkout'],
    ['a leading dot', '.hidden'],
    ['65 characters', 's'.repeat(65)],
  ])('refuses a survey id with %s, as the widget\'s options do', (_what, survey) => {
    expect(problemsOf({ survey })).toEqual([expect.stringMatching(/^survey must be a survey id: 1–64 letters, digits, "-", "_", ".", ":" \(got /)]);
  });

  it('accepts every survey id the widget\'s options accept', () => {
    for (const survey of ['nps', 'after-checkout', 'branch.siam:2026', 'A_1', 's'.repeat(64)]) expect(problemsOf({ survey })).toEqual([]);
  });

  it('bounds sdk to 64 characters of a name/version pattern', () => {
    expect(problemsOf({ sdk: 'my-backend/2.3.1-beta+7' })).toEqual([]);
    expect(problemsOf({ sdk: 'x'.repeat(40_000) })[0]).toMatch(/^sdk must be like "hearback\/0\.1\.0": 1–64 letters, digits/);
    expect(problemsOf({ sdk: 'hearback/0.1.0 <script>' })[0]).toMatch(/^sdk must be like "hearback\/0\.1\.0": 1–64 letters, digits/);
    expect(problemsOf({ sdk: '' })[0]).toMatch(/^sdk must be/);
  });

  it('bounds each reason to 100 characters and the list to 20', () => {
    expect(problemsOf({ reasons: ['Delivery', 'ส่งช้า'] })).toEqual([]);
    expect(problemsOf({ reasons: ['ok', 'x'.repeat(2000)] })).toEqual([expect.stringMatching(/^reasons\.1 must be at most 100 characters \(got "x/)]);
    expect(problemsOf({ reasons: Array.from({ length: 21 }, (_, i) => `r${i}`) })).toEqual([expect.stringMatching(/^reasons must have at most 20 items/)]);
    expect(problemsOf({ reasons: [42] })).toEqual([expect.stringMatching(/^reasons\.0 must be a string/)]);
  });

  it('accepts a base64url key of at least 128 bits and refuses anything else', () => {
    expect(problemsOf({ key: 'q3Xk0v_2-Lm9Zt7RbY1cWdEa' })).toEqual([]);
    expect(problemsOf({})).toEqual([]); // old widgets and servers send none
    for (const key of ['short', 'q3Xk0v/2+Lm9Zt7RbY1cWdEa', 'q3Xk0v_2-Lm9Zt7RbY1cWdEa==', 'k'.repeat(129), 42]) {
      expect(problemsOf({ key })).toEqual([expect.stringMatching(/^key must be/)]);
    }
  });
});

describe('hashAnswerKey', () => {
  it('is the SHA-256 of the key in hex: the same key always matches, another never does', async () => {
    expect(await hashAnswerKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const key = 'q3Xk0v_2-Lm9Zt7RbY1cWdEa';
    expect(await hashAnswerKey(key)).toBe(await hashAnswerKey(key));
    expect(await hashAnswerKey(key)).not.toBe(await hashAnswerKey(key.replace('q', 'Q')));
  });

  it('accepts how to reach a visitor who agreed to be contacted, and names what is wrong in it', () => {
    const ok = { contact: true, contactVia: { phone: '+66 81-234-5678', email: 'somchai@example.co.th', line: '@somchai.shop' } };
    expect(problemsOf(ok)).toEqual([]);
    expect(problemsOf({ contact: true, contactVia: { line: 'nok_2026' } })).toEqual([]);
    expect(problemsOf({ contactVia: { phone: '0812345678' } })).toEqual([expect.stringMatching(/^contactVia is only sent with contact: true/)]);
    expect(problemsOf({ contact: true, contactVia: {} })).toEqual([expect.stringMatching(/^contactVia must give at least one of phone, email, line/)]);
    expect(problemsOf({ contact: true, contactVia: { phone: 'call me' } })).toEqual([expect.stringMatching(/^contactVia\.phone must be a phone number/)]);
    expect(problemsOf({ contact: true, contactVia: { phone: '12345' } })).toEqual([expect.stringMatching(/^contactVia\.phone must be a phone number/)]);
    expect(problemsOf({ contact: true, contactVia: { email: 'not-an-email' } })).toEqual([expect.stringMatching(/^contactVia\.email must be an email address/)]);
    expect(problemsOf({ contact: true, contactVia: { email: '<a@b.co>' } })).toEqual([expect.stringMatching(/^contactVia\.email must be an email address/)]);
    expect(problemsOf({ contact: true, contactVia: { line: 'a b' } })).toEqual([expect.stringMatching(/^contactVia\.line must be a LINE ID/)]);
    expect(problemsOf({ contact: true, contactVia: { fax: '02 123 4567' } })[0]).toMatch(/^contactVia/);
  });
});
