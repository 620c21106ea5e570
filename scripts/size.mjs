// npm run size (after npm run build): prints the script-tag bundle's raw, gzip and brotli size
// against the budget and the goal; fails over budget, on forbidden code (HTML sinks, eval,
// classic zod, zod's locales), or when the size figure in the README or docs/performance.md is
// not the build's. Usage: node scripts/size.mjs [bundle]
import { existsSync, readFileSync } from 'node:fs';
import { checkBundle, gzipBudget, gzipGoal } from './bundle-gate.mjs';
import { checkFigures } from './size-figure.mjs';

const file = process.argv[2] ?? 'dist/hearback.min.js';
if (!existsSync(file)) {
  console.error(`size gate: ${file} does not exist; run npm run build first`);
  process.exit(1);
}
const { sizes, problems } = checkBundle(readFileSync(file, 'utf8'));
const kb = (bytes) => (bytes / 1024).toFixed(2) + ' KB';
console.log(`${file}: ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli, ${kb(sizes.raw)} raw`);
console.log(`budget ${kb(gzipBudget)} gzip (fails above it), goal ${kb(gzipGoal)} gzip: ${sizes.gzip <= gzipGoal ? 'within the goal' : `${kb(sizes.gzip - gzipGoal)} over the goal`}`);
for (const doc of ['README.md', 'docs/performance.md']) {
  if (!existsSync(doc)) problems.push(`${doc} does not exist; it must state the bundle's size`);
  else problems.push(...checkFigures(readFileSync(doc, 'utf8'), doc, sizes.gzip));
}
for (const problem of problems) console.error('size gate: ' + problem);
process.exit(problems.length ? 1 : 0);
