// The bundle's size as the docs state it, checked against the build so the two cannot drift: the
// README and docs/performance.md write it as **NN.N KB gzip** (one decimal, KB = 1024 bytes,
// gzip level 9 through node's zlib, as scripts/bundle-gate.mjs measures it). The check prints the
// figure to paste when they differ.

/** The one form the docs use for the size; other mentions of KB are not checked. */
export const figurePattern = /\*\*(\d+\.\d) KB gzip\*\*/g;

/** How far a stated figure may be from the build's, in KB: its own rounding, and no more. */
export const tolerance = 0.1;

/** The figure to paste for a gzip size in bytes. */
export function figureFor(gzipBytes) {
  return `**${(gzipBytes / 1024).toFixed(1)} KB gzip**`;
}

/** Problems (empty when right) with the size figures in `text`, the contents of `file`. */
export function checkFigures(text, file, gzipBytes) {
  const actual = gzipBytes / 1024;
  const stated = [...text.matchAll(figurePattern)].map((match) => ({ figure: match[0], kb: Number(match[1]) }));
  if (!stated.length) return [`${file}: could not find the bundle's size figure; write it in the form ${figureFor(gzipBytes)} (one decimal, KB = 1024 bytes, gzip -9)`];
  return stated
    .filter(({ kb }) => Math.abs(kb - actual) > tolerance + 1e-9)
    .map(({ figure }) => `${file} says ${figure} but the build is ${actual.toFixed(2)} KB gzip: paste ${figureFor(gzipBytes)}`);
}
