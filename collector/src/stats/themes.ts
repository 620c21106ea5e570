import { isStopWord, negations } from './stop-words';

/** A word or phrase and how many comments hold it (each comment counts once). */
export interface Term {
  text: string;
  count: number;
}

export interface Themes {
  words: Term[];
  phrases: Term[];
  comments: number;
}

const thaiLetter = /[\u0E00-\u0E7F]/;
const hasLetter = /\p{L}/u;
const latinOnly = /^[a-z]+$/;

/**
 * The comment's words, in runs that a phrase may span: Thai words are split with
 * `Intl.Segmenter('th')` (Thai writes no spaces between words; a space ends a clause), English ones
 * at spaces; punctuation and a space between two Thai words end a run. Lower-cased; numbers and
 * one-letter Latin tokens dropped.
 */
export function wordRuns(comment: string, segmenter: Intl.Segmenter): string[][] {
  const runs: string[][] = [[]];
  let previousThai = false;
  for (const part of segmenter.segment(comment.normalize('NFKC').toLowerCase())) {
    if (!part.isWordLike) {
      const onlySpace = /^\s+$/.test(part.segment);
      if (!onlySpace || previousThai) runs.push([]);
      continue;
    }
    const word = part.segment;
    const thai = thaiLetter.test(word);
    if (!hasLetter.test(word) || (!thai && latinOnly.test(word) && word.length < 2)) {
      runs.push([]);
      continue;
    }
    if (thai && !previousThai && runs[runs.length - 1].length) runs.push([]);
    runs[runs.length - 1].push(word);
    previousThai = thai;
  }
  return runs.filter((run) => run.length);
}

const join = (words: string[]) =>
  words.reduce((text, word, i) => (i === 0 ? word : text + (thaiLetter.test(word) && thaiLetter.test(words[i - 1]) ? '' : ' ') + word), '');

const isEnd = (word: string) => !isStopWord(word) || negations.has(word);

function top(counts: Map<string, number>, limit: number, minimum: number): Term[] {
  return [...counts]
    .filter(([, count]) => count >= minimum)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([text, count]) => ({ text, count }));
}

/**
 * The most frequent words and 2–3-word phrases of a set of comments, stop words left out. A phrase
 * neither starts nor ends with a stop word, shows only when at least `minimumPhraseCount` comments
 * hold it, and gives way to a longer phrase that holds it as often (so "ส่งช้า" and "ส่งช้ามาก" don't
 * both show with the same count).
 */
export function commentThemes(comments: readonly string[], { limit = 10, minimumPhraseCount = 2 } = {}): Themes {
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  const phraseParts = new Map<string, string[]>();
  for (const comment of comments) {
    const seenWords = new Set<string>();
    const seenPhrases = new Set<string>();
    for (const run of wordRuns(comment, segmenter)) {
      for (const word of run) if (!isStopWord(word) && !negations.has(word)) seenWords.add(word);
      for (let size = 2; size <= 3; size++) {
        for (let i = 0; i + size <= run.length; i++) {
          const parts = run.slice(i, i + size);
          if (!isEnd(parts[0]) || !isEnd(parts[size - 1]) || parts.every((p) => isStopWord(p) || negations.has(p))) continue;
          const text = join(parts);
          seenPhrases.add(text);
          phraseParts.set(text, parts);
        }
      }
    }
    for (const word of seenWords) words.set(word, (words.get(word) ?? 0) + 1);
    for (const phrase of seenPhrases) phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
  }
  for (const [text, parts] of phraseParts) {
    if (parts.length !== 3) continue;
    const count = phrases.get(text)!;
    for (const shorter of [join(parts.slice(0, 2)), join(parts.slice(1))]) if (phrases.get(shorter) === count) phrases.delete(shorter);
  }
  return { words: top(words, limit, 1), phrases: top(phrases, limit, minimumPhraseCount), comments: comments.length };
}
