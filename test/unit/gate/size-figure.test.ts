import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkFigures, figureFor } from '../../../scripts/size-figure.mjs';

// 34,304 B = 33.50 KB exactly.
const gzip = 34_304;

describe('size figure in the docs', () => {
  it('prints the figure to paste: one decimal, KB = 1024 bytes', () => {
    expect(figureFor(gzip)).toBe('**33.5 KB gzip**');
    expect(figureFor(34_406)).toBe('**33.6 KB gzip**');
  });

  it.each(['**33.4 KB gzip**', '**33.5 KB gzip**', '**33.6 KB gzip**'])('accepts %s for a 33.50 KB build (within 0.1 KB)', (figure) => {
    expect(checkFigures(`The whole bundle is ${figure}, preact included.`, 'README.md', gzip)).toEqual([]);
  });

  it('fails a figure off by more than 0.1 KB and says what to paste', () => {
    expect(checkFigures('It is **29.3 KB gzip**.', 'README.md', gzip)).toEqual([
      'README.md says **29.3 KB gzip** but the build is 33.50 KB gzip: paste **33.5 KB gzip**',
    ]);
  });

  it('checks every figure in the file, so a stale copy fails too', () => {
    const problems = checkFigures('**33.5 KB gzip** up top, **33.3 KB gzip** further down', 'docs/performance.md', gzip);
    expect(problems).toEqual(['docs/performance.md says **33.3 KB gzip** but the build is 33.50 KB gzip: paste **33.5 KB gzip**']);
  });

  it.each(['29.3 KB gzip', '**29 KB gzip**', '**29.30 KB gzip**', '**29.3 kB gzip**', 'no figure at all'])('fails when it cannot find the figure in the exact form: %s', (text) => {
    expect(checkFigures(text, 'README.md', gzip)).toEqual([
      "README.md: could not find the bundle's size figure; write it in the form **33.5 KB gzip** (one decimal, KB = 1024 bytes, gzip -9)",
    ]);
  });
});
