import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { toJson } from '../../../src/payload/to-json';

const patched = Array.prototype as unknown as { toJSON?: () => string };
afterEach(() => void delete patched.toJSON);

describe('toJson', () => {
  it('writes what JSON.stringify writes for plain data', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => toJson(value) === JSON.stringify(value)));
    expect(toJson({ a: undefined, f: () => 1, n: NaN, list: [undefined, Infinity] })).toBe(JSON.stringify({ a: undefined, f: () => 1, n: NaN, list: [undefined, Infinity] }));
  });

  it('ignores a toJSON a host page put on Array.prototype (Prototype.js)', () => {
    patched.toJSON = function (this: unknown[]) {
      return '[' + this.join(', ') + ']';
    };
    expect(JSON.stringify({ scale: [1, 5] })).toBe('{"scale":"[1, 5]"}');
    expect(toJson({ scale: [1, 5] })).toBe('{"scale":[1,5]}');
  });
});
