import { describe, expect, it } from 'vitest';
import { createAnswerId, createAnswerKey } from '../../../src/payload/answer-id';
import { getAnswerSchema } from '../../../src/payload/answer-schema';
import { buildAnswer, pageUrl } from '../../../src/payload/build-answer';

const env = {
  id: '3b0c5e9e-8d7c-4c8e-9d0a-1f2e3d4c5b6a', key: 'q3Xk0v_2-Lm9Zt7RbY1cWdEa', locale: 'th', href: 'https://shop.example/checkout/done?token=secret#x',
  sendFullUrl: false, now: new Date('2026-11-23T10:00:00.000Z'), user: { id: 'u-42' }, context: { orderId: 'A17' },
};

describe('buildAnswer (payload v1)', () => {
  it('builds exactly the contract example', () => {
    const answer = buildAnswer({ id: 'after-checkout', type: 'csat' }, { score: 4, comment: '  ส่งของเร็วมาก ' }, env);
    expect(answer).toEqual({
      v: 1, id: env.id, key: env.key, survey: 'after-checkout', type: 'csat', score: 4, scale: [1, 5], comment: 'ส่งของเร็วมาก', locale: 'th',
      url: 'https://shop.example/checkout/done', answeredAt: '2026-11-23T10:00:00.000Z', user: { id: 'u-42' }, context: { orderId: 'A17' },
      sdk: 'hearback/0.1.0',
    });
    expect(Object.keys(answer)).toEqual(['v', 'id', 'key', 'survey', 'type', 'score', 'scale', 'locale', 'url', 'answeredAt', 'sdk', 'comment', 'user', 'context']);
    expect(getAnswerSchema().safeParse(answer).success).toBe(true);
  });

  it('leaves optional fields out when empty and adds reasons, contact and mode when given', () => {
    const bare = buildAnswer({ id: 'n', type: 'nps' }, { score: 0, comment: '   ' }, { ...env, user: {}, context: {} });
    expect(bare).not.toHaveProperty('comment');
    expect(bare).not.toHaveProperty('user');
    expect(bare).not.toHaveProperty('context');
    expect(bare).not.toHaveProperty('mode');
    expect(bare.scale).toEqual([0, 10]);
    const full = buildAnswer({ id: 'k', type: 'ces', mode: 'kiosk' }, { score: 2, reasons: ['Slow'], contact: true }, env);
    expect(full).toMatchObject({ reasons: ['Slow'], contact: true, mode: 'kiosk', scale: [1, 7] });
    const reach = buildAnswer({ id: 'k', type: 'nps' }, { score: 2, contact: true, contactVia: { phone: ' 081 234 5678 ', email: '', line: undefined } }, env);
    expect(reach.contactVia).toEqual({ phone: '081 234 5678' });
    expect(buildAnswer({ id: 'k', type: 'nps' }, { score: 2, contactVia: { phone: '0812345678' } }, env)).not.toHaveProperty('contactVia');
  });

  it('caps comments at 2,000 characters', () => {
    expect(buildAnswer({ id: 'n', type: 'nps' }, { score: 9, comment: 'x'.repeat(2500) }, env).comment).toHaveLength(2000);
  });

  it('keeps query and fragment only with sendFullUrl', () => {
    expect(buildAnswer({ id: 'n', type: 'nps' }, { score: 9 }, { ...env, sendFullUrl: true }).url).toBe(env.href);
    expect(pageUrl('not a url')).toBe('');
  });
});

describe('createAnswerId', () => {
  it('is a v4 UUID, unique, with or without randomUUID (http pages have none)', () => {
    const withoutRandomUUID = { getRandomValues: (a: Uint8Array) => globalThis.crypto.getRandomValues(a) } as Crypto;
    const ids = new Set<string>();
    for (let i = 0; i < 500; i++) ids.add(createAnswerId(i % 2 ? withoutRandomUUID : globalThis.crypto));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('createAnswerKey', () => {
  it('is a base64url secret of 144 random bits, different for every answer, that the payload schema accepts', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 500; i++) keys.add(createAnswerKey());
    expect(keys.size).toBe(500);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const seen = new Set([...keys].join(''));
    expect(seen.has('-') && seen.has('_')).toBe(true);
    const answer = buildAnswer({ id: 'n', type: 'nps' }, { score: 9 }, { ...env, key: createAnswerKey() });
    expect(getAnswerSchema().safeParse(answer).success).toBe(true);
  });
});
