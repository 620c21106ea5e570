// The script tag's sizes as the docs state them, checked against the build so the two cannot
// drift: the README and docs/performance.md write each as **<label>: NN.N KB gzip** (one decimal,
// KB = 1024 bytes, gzip level 9 through node's zlib, as scripts/bundle-gate.mjs measures it) —
// `**loader: 2.6 KB gzip**` for dist/hearback.min.js, `**a page loads at most: 39.8 KB gzip**` for the most a page
// loads. The check prints the figure to paste when they differ.

/** The labels the docs state, for the sizes scripts/size.mjs measures. */
export const figureLabels = ['loader', 'a page loads at most'];

/** How far a stated figure may be from the build's, in KB: its own rounding, and no more. */
export const tolerance = 0.1;

/** The figure to paste for a gzip size in bytes. */
export function figureFor(label, gzipBytes) {
  return `**${label}: ${(gzipBytes / 1024).toFixed(1)} KB gzip**`;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Problems (empty when right) with the size figures in `text`, the contents of `file`; `sizes` maps each label to gzip bytes. */
export function checkFigures(text, file, sizes) {
  const problems = [];
  for (const [label, gzipBytes] of Object.entries(sizes)) {
    const actual = gzipBytes / 1024;
    const pattern = new RegExp(`\\*\\*${escape(label)}: (\\d+\\.\\d) KB gzip\\*\\*`, 'g');
    const stated = [...text.matchAll(pattern)].map((match) => ({ figure: match[0], kb: Number(match[1]) }));
    if (!stated.length) {
      problems.push(`${file}: could not find the ${label} size figure; write it in the form ${figureFor(label, gzipBytes)} (one decimal, KB = 1024 bytes, gzip -9)`);
      continue;
    }
    for (const { figure, kb } of stated)
      if (Math.abs(kb - actual) > tolerance + 1e-9) problems.push(`${file} says ${figure} but the build is ${actual.toFixed(2)} KB gzip: paste ${figureFor(label, gzipBytes)}`);
  }
  return problems;
}
