// npm run size: prints raw/gzip/brotli of the script-tag bundle and fails over budget or on a
// forbidden sink. Run after npm run build.
import { readFileSync } from 'node:fs';
import { checkBundle, gzipBudget } from './bundle-gate.mjs';

const file = process.argv[2] ?? 'dist/hearback.min.js';
const { sizes, problems } = checkBundle(readFileSync(file, 'utf8'));
const kb = (bytes) => (bytes / 1024).toFixed(2) + ' KB';
console.log(`${file}: ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli (budget ${kb(gzipBudget)} gzip)`);
for (const problem of problems) console.error('size gate: ' + problem);
process.exit(problems.length ? 1 : 0);
