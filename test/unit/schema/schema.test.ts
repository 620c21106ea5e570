import { describe, expect, it } from 'vitest';
import * as s from '../../../src/schema/schema';
import { publicSchema } from '../../../src/schema/standard-schema';

const issuesOf = (schema: s.Any, value: unknown) => {
  const result = s.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map(({ path, message, keys }) => ({ path, message, ...(keys ? { keys } : {}) }));
};

describe('schema kit', () => {
  it('checks primitives with their own message, and refuses NaN and Infinity as numbers', () => {
    expect(s.safeParse(s.string('must be text'), 'x')).toEqual({ success: true, data: 'x' });
    expect(issuesOf(s.string('must be text'), 1)).toEqual([{ path: [], message: 'must be text' }]);
    for (const bad of [NaN, Infinity, '1']) expect(issuesOf(s.number('must be a number'), bad)).toHaveLength(1);
    expect(issuesOf(s.literal(['a', 'b'], 'must be "a" or "b"'), 'c')).toEqual([{ path: [], message: 'must be "a" or "b"' }]);
    expect(issuesOf(s.literal(false), false)).toEqual([]);
  });

  it('reports every bad field of an object at once, with paths, and strips unknown keys', () => {
    const schema = s.object({ a: s.string('a!'), b: s.array(s.number('b!')), c: s.optional(s.string('c!')) });
    expect(issuesOf(schema, { a: 1, b: [1, 'x'] })).toEqual([
      { path: ['a'], message: 'a!' },
      { path: ['b', 1], message: 'b!' },
    ]);
    expect(s.safeParse(schema, { a: 'x', b: [], extra: true })).toEqual({ success: true, data: { a: 'x', b: [] } });
    expect(issuesOf(schema, null)).toEqual([{ path: [], message: 'Invalid input' }]);
    // Keys named like Object.prototype members are unknown keys, not fields.
    expect(s.safeParse(s.strictObject({}), { toString: 1 }).success).toBe(false);
  });

  it('names unknown keys of a strict object and the keys it knows (for "did you mean")', () => {
    const result = s.safeParse(s.strictObject({ accent: s.optional(s.string()) }), { acent: '#fff' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]).toMatchObject({ path: [], keys: ['acent'], known: ['accent'], fatal: true });
  });

  it('keeps and checks the other keys of a catchall object', () => {
    const map = s.catchall({}, s.string('must be text'));
    expect(s.safeParse(map, { en: 'Hi', th: 'สวัสดี' })).toEqual({ success: true, data: { en: 'Hi', th: 'สวัสดี' } });
    expect(issuesOf(map, { en: 1 })).toEqual([{ path: ['en'], message: 'must be text' }]);
  });

  it('runs checks in order only on values of the right shape; abort stops the rest', () => {
    const short = s.check(s.string('must be text'), s.refine((v: string) => v.length > 0, 'empty'), s.refine((v: string) => v.length < 3, 'long'));
    expect(issuesOf(short, 5)).toEqual([{ path: [], message: 'must be text' }]);
    expect(issuesOf(short, 'abcd')).toEqual([{ path: [], message: 'long' }]);
    const pair = s.check(s.array(s.number()), s.refine((v: number[]) => v.length === 2, { error: 'pair', abort: true }), s.refine(() => false, 'never reached'));
    expect(issuesOf(pair, [1])).toEqual([{ path: [], message: 'pair' }]);
    const worded = s.check(s.number(), s.refine((v: number) => v > 0, (v: number) => `must be positive, not ${v}`));
    expect(issuesOf(worded, -2)).toEqual([{ path: [], message: 'must be positive, not -2' }]);
    const below = s.check(s.object({ n: s.number() }), s.refine((v: { n: number }) => v.n < 10, { error: 'too big', path: ['n'] }));
    expect(issuesOf(below, { n: 11 })).toEqual([{ path: ['n'], message: 'too big' }]);
  });

  it('takes the first union option that passes; reports the one near miss, or the union message', () => {
    const nonEmpty = s.check(s.string('must be an event name'), s.refine((v: string) => v.length > 0, 'must be an event name, not empty'));
    const events = s.union([nonEmpty, s.array(nonEmpty)], 'must be an event name or a list of event names');
    expect(s.safeParse(events, ['a'])).toEqual({ success: true, data: ['a'] });
    expect(issuesOf(events, '')).toEqual([{ path: [], message: 'must be an event name, not empty' }]);
    expect(issuesOf(events, 3)).toEqual([{ path: [], message: 'must be an event name or a list of event names' }]);
    // Unknown keys inside an option make it a miss like a wrong type: the union speaks.
    const rule = s.union([s.string(), s.strictObject({ prefix: s.string() })], 'must be a pattern');
    expect(issuesOf(rule, { prefix: '/a', extra: 1 })).toEqual([{ path: [], message: 'must be a pattern' }]);
  });

  it('exports a Standard Schema v1 with safeParse for receivers', () => {
    const schema = publicSchema(s.object({ id: s.string('must be a string') }));
    expect(schema.safeParse({ id: 'a' })).toEqual({ success: true, data: { id: 'a' } });
    const standard = schema['~standard'];
    expect(standard).toMatchObject({ version: 1, vendor: 'hearback' });
    expect(standard.validate({ id: 'a' })).toEqual({ value: { id: 'a' } });
    expect(standard.validate({ id: 2 })).toEqual({ issues: [{ message: 'must be a string', path: ['id'] }] });
  });
});
