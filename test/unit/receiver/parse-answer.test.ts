import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, answerSchema, ces, csat, nps, parseAnswer } from '../../../src/receiver';

const answer = {
  v: 1, id: '3b0c1f2e-aaaa-bbbb', survey: 'after-checkout', type: 'csat', score: 4, scale: [1, 5],
  comment: 'ส่งของเร็วมาก', locale: 'th', url: 'https://shop.example/checkout/done',
  answeredAt: '2026-11-23T10:00:00.000Z', user: { id: 'u-42' }, context: { orderId: 'A17' }, sdk: 'hearback/0.1.0',
};

describe('parseAnswer', () => {
  it('accepts the contract example as a string and as an object', () => {
    const fromString = parseAnswer(JSON.stringify(answer));
    expect(fromString).toEqual({ ok: true, answer });
    expect(parseAnswer(answer)).toEqual({ ok: true, answer });
  });

  it('names the field, the rule and the value sent', () => {
    const result = parseAnswer({ ...answer, score: 12 });
    expect(result).toEqual({ ok: false, problems: ['score must lie within scale (got 12)'] });
    expect(parseAnswer({ ...answer, type: 'ces?' })).toEqual({ ok: false, problems: ['type must be "nps", "csat" or "ces" (got "ces?")'] });
  });

  it('lists every problem, and missing fields as required', () => {
    const { id: _id, ...withoutId } = answer;
    const result = parseAnswer({ ...withoutId, v: 2, answeredAt: 'yesterday' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain('id is required');
    expect(result.problems).toContain('v must be 1 (payload version) (got 2)');
    expect(result.problems.some((p) => p.startsWith('answeredAt must be an ISO 8601 UTC timestamp'))).toBe(true);
  });

  it('reports bad JSON, empty bodies and non-objects instead of throwing', () => {
    const bad = parseAnswer('{"v":1,');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^body is not valid JSON/);
    expect(parseAnswer('')).toEqual({ ok: false, problems: ['body is empty; expected one answer as JSON'] });
    expect(parseAnswer('[1]')).toEqual({ ok: false, problems: ['body must be one answer object (got an array)'] });
    expect(parseAnswer('null')).toEqual({ ok: false, problems: ['body must be one answer object (got null)'] });
  });

  it('refuses bodies over 64 KB, counting UTF-8 bytes', () => {
    const thai = 'ก'.repeat(Math.ceil(MAX_BODY_BYTES / 3) + 1); // under 64 K characters, over 64 KB
    const result = parseAnswer(JSON.stringify({ ...answer, comment: thai }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^body is \d+ bytes; the limit is 65536$/);
  });

  it('shortens long values in problems', () => {
    const result = parseAnswer({ ...answer, comment: 'x'.repeat(2001) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^comment must be at most 2,000 characters \(got "x+…\)$/);
  });
});

describe('receiver kit exports', () => {
  it('is the schema the SDK builds against', () => {
    expect(answerSchema.safeParse(answer).success).toBe(true);
  });

  it('computes metrics over parsed answers', () => {
    const scored = [9, 10, 7, 3].map((score) => ({ type: 'nps' as const, score }));
    expect(nps(scored)).toEqual({ score: 25, responses: 4, bands: { detractor: 1, passive: 1, promoter: 2 } });
    // 2 promoters and 1 detractor of 3: 66.67 % − 33.33 % = 33.3, rounded once (not 66.7 − 33.3 = 33.4).
    const third = [9, 10, 3].map((score) => ({ type: 'nps' as const, score }));
    expect(nps(third).score).toBe(33.3);
    expect(nps([0, 0, 10].map((score) => ({ type: 'nps' as const, score }))).score).toBe(-33.3);
    expect(csat([{ type: 'csat', score: 5 }, { type: 'csat', score: 2 }]).score).toBe(50);
    expect(ces([{ type: 'ces', score: 6 }, { type: 'ces', score: 3 }])).toMatchObject({ score: 4.5, easyShare: 50 });
  });
});

describe('parseAnswer refuses what a receiver must not store', () => {
  const now = new Date('2026-11-23T10:00:00.000Z');
  const problems = (body: object) => {
    const result = parseAnswer(body, { now });
    return result.ok ? [] : result.problems;
  };

  it('a scale other than the one the type fixes, and a score outside it', () => {
    expect(problems({ ...answer, type: 'nps', scale: [0, 1000], score: 1000 })).toEqual([
      'scale must be [0, 10] for type "nps" (got [0,1000])',
      'score must lie within scale (got 1000)',
    ]);
    expect(problems({ ...answer, type: 'ces', scale: [1, 5], score: 4 })).toEqual(['scale must be [1, 7] for type "ces" (got [1,5])']);
    expect(problems({ ...answer, type: 'ces', scale: [1, 7], score: 7 })).toEqual([]);
  });

  it('a scale that is not two whole numbers', () => {
    for (const scale of [[1], [1, 5, 9], '1-5', [1, 5.5]]) expect(parseAnswer({ ...answer, scale }).ok, JSON.stringify(scale)).toBe(false);
    expect(problems({ ...answer, scale: [1, 5, 9] })).toEqual(['scale must be [min, max] (got [1,5,9])']);
    expect(problems({ ...answer, scale: '1-5' })).toContain('scale must be [min, max] (got "1-5")');
  });

  it('an answeredAt beyond 5 minutes of clock skew or more than a year old', () => {
    expect(problems({ ...answer, answeredAt: '2026-11-23T10:04:59.000Z' })).toEqual([]);
    expect(problems({ ...answer, answeredAt: '2099-01-01T00:00:00.000Z' })).toEqual(['answeredAt is more than 5 minutes in the future (got "2099-01-01T00:00:00.000Z")']);
    expect(problems({ ...answer, answeredAt: '2025-11-01T00:00:00.000Z' })).toEqual(['answeredAt is more than a year in the past (got "2025-11-01T00:00:00.000Z")']);
  });

  it('a context or user nested too deep or too large, without blowing the stack', () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000); // too deep for JSON.stringify to write
    const body = JSON.stringify({ ...answer, context: 0 }).replace('"context":0', '"context":' + deep);
    const result = parseAnswer(body, { now });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(['context must be nested at most 5 levels deep (got a value too deep to show)']);
    expect(problems({ ...answer, user: { a: { b: { c: { d: { e: 1 } } } } } })).toEqual([]);
    expect(problems({ ...answer, user: { a: { b: { c: { d: { e: {} } } } } } })[0]).toMatch(/^user must be nested at most 5 levels deep/);
    expect(problems({ ...answer, context: { note: 'ก'.repeat(1400) } })[0]).toMatch(/^context must be at most 4,096 bytes as JSON \(is 4,211\)/);
  });

  it('text no database can store — a NUL character or an unpaired surrogate, in a value or a key', () => {
    expect(problems({ ...answer, comment: 'a\u0000b' })).toEqual(['comment contains a NUL character (U+0000), which cannot be stored as text; remove it']);
    expect(problems({ ...answer, comment: 'broken \ud800 pair' })).toEqual(['comment contains an unpaired UTF-16 surrogate, which cannot be stored as text; remove it']);
    expect(problems({ ...answer, context: { branch: 'Siam\u0000' } })).toEqual(['context.branch contains a NUL character (U+0000), which cannot be stored as text; remove it']);
    expect(problems({ ...answer, context: { ['a\u0000']: 'b' } })).toEqual(['context has a key with a NUL character (U+0000); keys and text must not contain it']);
    expect(problems({ ...answer, user: { id: 'u-42', tags: ['ok', '\udc00'] } })).toEqual(['user.tags[1] contains an unpaired UTF-16 surrogate, which cannot be stored as text; remove it']);
    expect(problems({ ...answer, url: 'https://shop.example/a\u0000b' })[0]).toMatch(/^url contains a NUL character/);
    // A survey id allows no control character at all (its grammar is the widget's options').
    expect(problems({ ...answer, survey: 'after\u0000checkout' })[0]).toMatch(/^survey must be a survey id/);
    // Paired surrogates (emoji) and Thai are text like any other.
    expect(problems({ ...answer, comment: 'ดีมาก 👍🏽', context: { note: '😀' } })).toEqual([]);
  });
});
