import { describe, expect, test } from 'vitest';
import { filterLinkContext } from '../../src/links/link-context';
import { allowedLinkKeys, linkSurveySchema } from '../../src/links/link-survey';

const afterMeal = { contextKeys: ['branch', 'table'], singleUse: false };

describe('link context: only what the owner allowed, bounded', () => {
  test('keeps allowed keys, drops and lists unknown ones, never takes channel from the link', () => {
    const { context, ignored } = filterLinkContext(
      new URLSearchParams('branch=Siam&table=4&coupon=FREE&channel=web&lang=th&debug=1'),
      afterMeal,
    );
    expect(context).toEqual({ branch: 'Siam', table: '4' });
    expect(ignored).toEqual([
      { key: 'coupon', reason: 'not-allowed' },
      { key: 'channel', reason: 'not-allowed' },
    ]);
  });

  test('values: Thai kept (NFC, trimmed), too long, odd characters, empty and repeated dropped', () => {
    const decomposedThai = 'สยาม\u0E4D\u0E32'.normalize('NFD');
    const { context, ignored } = filterLinkContext(
      new URLSearchParams({ branch: `  ${decomposedThai} `, table: 'x'.repeat(65) }),
      afterMeal,
    );
    expect(context).toEqual({ branch: decomposedThai.normalize('NFC').trim() });
    expect(ignored).toEqual([{ key: 'table', reason: 'too-long' }]);

    const more = filterLinkContext(new URLSearchParams('branch=<b>&table=&branch=Siam'), afterMeal);
    expect(more.context).toEqual({});
    expect(more.ignored.map((field) => field.reason)).toEqual(['characters', 'empty', 'repeated']);
    expect(filterLinkContext(new URLSearchParams({ table: 'x'.repeat(64) }), afterMeal).context.table).toHaveLength(64);
  });

  test('order is kept only for single-use surveys', () => {
    expect(filterLinkContext(new URLSearchParams('order=A17'), afterMeal).context).toEqual({});
    expect(filterLinkContext(new URLSearchParams('order=A17'), { ...afterMeal, singleUse: true }).context).toEqual({ order: 'A17' });
    expect(allowedLinkKeys({ contextKeys: ['order', 'branch'], singleUse: true })).toEqual(['branch', 'order']);
  });
});

describe('link survey definitions', () => {
  const valid = { id: 'after-meal', type: 'csat', question: { th: 'อาหารวันนี้เป็นอย่างไร' }, contextKeys: ['branch'], singleUse: true };

  test('a valid definition parses', () => {
    expect(linkSurveySchema.parse(valid)).toEqual(valid);
  });

  test('each bad field names itself and what is allowed', () => {
    const result = linkSurveySchema.safeParse({ ...valid, id: 'After Meal', type: 'stars', contextKeys: ['lang', 'Branch', 'table', 'table'] });
    expect(result.success).toBe(false);
    const problems = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(problems).toContain('id: must be 1–48 characters of a-z, 0-9 and -, starting with a letter or digit');
    expect(problems).toContain('type: must be nps, csat or ces');
    expect(problems).toContain('contextKeys.0: is reserved by the survey page (channel, lang, debug, sig, t, recipient)');
    expect(problems).toContain('contextKeys.1: must start with a-z and use only a-z, 0-9 and _ (at most 32 characters)');
  });
});
