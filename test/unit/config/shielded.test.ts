import { afterEach, describe, expect, it } from 'vitest';
import { parseOptions } from '../../../src/config/parse-options';
import { shielded } from '../../../src/common/shielded';
import { parseAnswer } from '../../../src/receiver';

const proto = Object.prototype as Record<string, unknown>;
afterEach(() => {
  delete proto.clean;
  delete proto.family;
});

describe('enumerable keys on Object.prototype (MooTools-era pages)', () => {
  it('do not reach option parsing: no unknown-key warnings, no copied keys, nothing thrown', () => {
    proto.clean = function () {};
    proto.family = 'object';
    const { config, errors, warnings } = parseOptions({
      endpoint: 'https://example.com/f', theme: { position: 'center' }, context: { orderId: 'A1' },
      surveys: [{ id: 'a', type: 'nps', question: { en: 'Hi?' }, trigger: { event: 'x' } }],
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(Object.keys(config!.context)).toEqual(['orderId']);
    expect(config!.surveys[0].question).toEqual({ en: 'Hi?' });
    expect(parseAnswer({
      v: 1, id: '3b0c1f2e-aaaa', survey: 's', type: 'nps', score: 9, scale: [0, 10], locale: 'en', url: 'https://x.example/',
      answeredAt: new Date().toISOString(), sdk: 'hearback/0.1.0', context: { orderId: 'A1' },
    })).toMatchObject({ ok: true, answer: { context: { orderId: 'A1' } } });
  });

  it('are hidden only while the work runs, and put back as they were', () => {
    proto.family = 'object';
    const seen = shielded(() => Object.keys({ ...{} }).concat([...(function* () { for (const key in {}) yield key; })()]));
    expect(seen).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(Object.prototype, 'family')).toMatchObject({ enumerable: true, value: 'object' });
  });
});
