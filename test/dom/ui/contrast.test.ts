import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrast, luminance, textOnAccent } from '../../../src/ui/contrast';

describe('text on the accent', () => {
  it('matches known WCAG ratios', () => {
    expect(contrast(luminance('#fff'), luminance('#000'))).toBeCloseTo(21, 5);
    expect(contrast(luminance('#2563eb'), 1)).toBeCloseTo(5.17, 1);
    expect(textOnAccent('#2563eb')).toBe('#fff');
    expect(textOnAccent('#facc15')).toBe('#000');
  });

  it('always reaches 4.5:1 for any accent colour', () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => '#' + n.toString(16).padStart(6, '0'));
    fc.assert(fc.property(hex, (accent) => {
      const text = textOnAccent(accent) === '#fff' ? 1 : 0;
      expect(contrast(luminance(accent), text)).toBeGreaterThanOrEqual(4.5);
    }), { numRuns: 2000 });
  });
});
