import { isStopWord, negations } from './stop-words';
import { isThaiUnit } from './thai-units';

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

/** Negations that need what they negate after them: a phrase may start with one ("ไม่อร่อย") but not end with it. */
const openNegations = new Set(['ไม่', 'not', 'no', 'never']);
const isStart = (word: string) => !isStopWord(word) || negations.has(word);
const isEnd = (word: string) => isStart(word) && !openNegations.has(word);

/** How often two Thai segments must stand side by side, in how many comments at least, to be read as one word. */
const MERGE_SHARE = 0.8;
const MERGE_MINIMUM = 2;

/**
 * Thai segments joined into the words a reader sees. `Intl.Segmenter`'s dictionary splits words
 * it does not know — brand names, loan words ("พร้อมเพย์" → "พร้อม" + "เพย์") — and units it reads
 * as two ("ไม่ได้", "สามครั้ง"). Two neighbours become one word when they are a known unit
 * (`isThaiUnit`), or when in these comments one of them stands beside the other at least
 * `MERGE_SHARE` of the times it appears (in at least `MERGE_MINIMUM` comments): a collocation
 * measured on the shop's own words, so a new product name is learned from the comments about it.
 */
export function mergeNeighbours(commentRuns: readonly string[][][]): string[][][] {
  const seen = new Map<string, number>();
  const pairs = new Map<string, number>();
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  for (const runs of commentRuns) {
    const words = new Set<string>();
    const together = new Set<string>();
    for (const run of runs) {
      run.forEach((word, i) => {
        words.add(word);
        if (i > 0 && thaiLetter.test(word) && thaiLetter.test(run[i - 1])) together.add(key(run[i - 1], word));
      });
    }
    for (const word of words) seen.set(word, (seen.get(word) ?? 0) + 1);
    for (const pair of together) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  const joins = (a: string, b: string) => {
    if (isThaiUnit(a, b)) return true;
    const both = pairs.get(key(a, b)) ?? 0;
    if (both < MERGE_MINIMUM || isStopWord(a) || isStopWord(b) || negations.has(a) || negations.has(b)) return false;
    return both >= MERGE_SHARE * seen.get(a)! || both >= MERGE_SHARE * seen.get(b)!;
  };
  return commentRuns.map((runs) => runs.map((run) => joinRun(run, joins)));
}

/** One run with its neighbours joined; a joined word is asked about by its last segment ("ไม่ได้" + "เลย" asks "ได้" + "เลย"). */
function joinRun(run: readonly string[], joins: (a: string, b: string) => boolean): string[] {
  const merged: string[] = [];
  let previous: string | undefined;
  for (const word of run) {
    if (previous !== undefined && thaiLetter.test(word) && thaiLetter.test(previous) && joins(previous, word)) merged[merged.length - 1] += word;
    else merged.push(word);
    previous = word;
  }
  return merged;
}

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
  for (const runs of mergeNeighbours(comments.map((comment) => wordRuns(comment, segmenter)))) {
    const seenWords = new Set<string>();
    const seenPhrases = new Set<string>();
    for (const run of runs) {
      for (const word of run) if (!isStopWord(word) && !negations.has(word)) seenWords.add(word);
      for (let size = 2; size <= 3; size++) {
        for (let i = 0; i + size <= run.length; i++) {
          const parts = run.slice(i, i + size);
          if (!isStart(parts[0]) || !isEnd(parts[size - 1]) || parts.every((p) => isStopWord(p) || negations.has(p))) continue;
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
