import { describe, expect, it } from 'vitest';
import { commentThemes, wordRuns } from '../src/stats/themes';

describe('comment themes', () => {
  it('splits Thai words with Intl.Segmenter and leaves stop words out', () => {
    const themes = commentThemes(['รอของนานเกินไป', 'รอนานมากครับ', 'ส่งช้า รอนาน']);
    // "รอ" and "นาน" are in all three comments; "ของ", "มาก", "ครับ" are stop words
    expect(themes.words.slice(0, 2)).toEqual([{ text: 'นาน', count: 3 }, { text: 'รอ', count: 3 }]);
    expect(themes.words.map((w) => w.text)).not.toContain('ครับ');
    expect(themes.words.map((w) => w.text)).not.toContain('ของ');
    expect(themes.phrases[0]).toEqual({ text: 'รอนาน', count: 2 });
  });

  it('finds English words and phrases, lower-cased, each comment counted once', () => {
    const themes = commentThemes([
      'The delivery was late. Late again!',
      'Delivery was LATE and the bag was torn',
      'Lovely beans, fast delivery',
    ]);
    expect(themes.words[0]).toEqual({ text: 'delivery', count: 3 });
    expect(themes.words[1]).toEqual({ text: 'late', count: 2 });
    // "delivery was late" holds "delivery was" and "was late" as often; only the longer one shows
    expect(themes.phrases).toEqual([{ text: 'delivery was late', count: 2 }]);
  });

  it('keeps negations inside phrases but not as words of their own', () => {
    const themes = commentThemes(['ติดต่อไม่ได้เลย', 'โทรแล้วติดต่อไม่ได้', 'not delivered yet', 'still not delivered']);
    expect(themes.phrases.map((p) => p.text)).toEqual(expect.arrayContaining(['ติดต่อไม่', 'not delivered']));
    expect(themes.words.map((w) => w.text)).not.toContain('ไม่');
    expect(themes.words.map((w) => w.text)).not.toContain('not');
  });

  it('ends a phrase at punctuation, at a space between Thai clauses and at a change of script', () => {
    const runs = wordRuns('ส่งของเร็ว กาแฟหอม, great coffee 5 stars', new Intl.Segmenter('th', { granularity: 'word' }));
    expect(runs).toEqual([['ส่ง', 'ของ', 'เร็ว'], ['กาแฟ', 'หอม'], ['great', 'coffee'], ['stars']]);
  });

  it('has nothing to say about no comments', () => {
    expect(commentThemes([])).toEqual({ words: [], phrases: [], comments: 0 });
  });
});
