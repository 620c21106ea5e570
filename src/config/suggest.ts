/** "did you mean `surveys`?" — the closest known key within two edits, or a case-only difference. */
export function suggest(unknown: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const lower = [candidate.toLowerCase(), unknown.toLowerCase()];
    // A key that starts the candidate counts as two edits away at most, so a closer spelling wins (survey → surveys, not surveysUrl).
    const distance = lower[0] === lower[1] ? 0 : Math.min(editDistance(unknown, candidate), unknown.length > 3 && lower[0].startsWith(lower[1]) ? 2 : 9);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
