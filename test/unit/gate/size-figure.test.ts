import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkFigures, figureFor } from '../../../scripts/size-figure.mjs';

// 34,304 B = 33.50 KB exactly; 2,662 B = 2.60 KB.
const sizes = { loader: 2_662, 'a page loads at most': 34_304 };
const both = (loader: string, all: string) => `The loader is ${loader}; a page loads ${all}.`;

describe('size figures in the docs', () => {
  it('prints the figure to paste: its label, one decimal, KB = 1024 bytes', () => {
    expect(figureFor('a page loads at most', 34_304)).toBe('**a page loads at most: 33.5 KB gzip**');
    expect(figureFor('loader', 34_406)).toBe('**loader: 33.6 KB gzip**');
  });

  it.each(['**a page loads at most: 33.4 KB gzip**', '**a page loads at most: 33.5 KB gzip**', '**a page loads at most: 33.6 KB gzip**'])('accepts %s for a 33.50 KB build (within 0.1 KB)', (figure) => {
    expect(checkFigures(both('**loader: 2.6 KB gzip**', figure), 'README.md', sizes)).toEqual([]);
  });

  it('fails a figure off by more than 0.1 KB and says what to paste', () => {
    expect(checkFigures(both('**loader: 2.6 KB gzip**', '**a page loads at most: 29.3 KB gzip**'), 'README.md', sizes)).toEqual([
      'README.md says **a page loads at most: 29.3 KB gzip** but the build is 33.50 KB gzip: paste **a page loads at most: 33.5 KB gzip**',
    ]);
  });

  it('checks every figure in the file, so a stale copy fails too', () => {
    const problems = checkFigures(both('**loader: 2.6 KB gzip**', '**a page loads at most: 33.5 KB gzip**') + ' Later: **loader: 39.9 KB gzip**', 'docs/performance.md', sizes);
    expect(problems).toEqual(['docs/performance.md says **loader: 39.9 KB gzip** but the build is 2.60 KB gzip: paste **loader: 2.6 KB gzip**']);
  });

  it.each(['**loader: 2.6 KB gzip** and 33.5 KB gzip', '**loader: 2.6 KB gzip** and **a page loads at most: 33 KB gzip**', '**loader: 2.6 KB gzip** and **33.5 KB gzip**'])('fails when it cannot find a figure in the exact form: %s', (text) => {
    expect(checkFigures(text, 'README.md', sizes)).toEqual([
      'README.md: could not find the a page loads at most size figure; write it in the form **a page loads at most: 33.5 KB gzip** (one decimal, KB = 1024 bytes, gzip -9)',
    ]);
  });
});
