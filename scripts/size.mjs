// npm run size (after npm run build): prints each of the script tag's files — the loader
// dist/hearback.min.js and each chunk it can fetch (engine, prompt, every language) — raw, gzip and
// brotli, then the loader against its budget and the most a page loads (loader + engine + prompt +
// one language) against the budget and the goal, and all files together. Fails over a budget, on
// forbidden code (HTML sinks, eval, classic zod, zod's locales) in any file, or when a size figure
// in the README or docs/performance.md is not the build's. Usage: node scripts/size.mjs [dist]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkScriptFiles, gzipBudget, gzipGoal, loaderBudget } from './bundle-gate.mjs';
import { checkFigures } from './size-figure.mjs';

const dir = process.argv[2] ?? 'dist';
if (!existsSync(join(dir, 'hearback.min.js'))) {
  console.error(`size gate: ${join(dir, 'hearback.min.js')} does not exist; run npm run build first`);
  process.exit(1);
}
const names = readdirSync(dir).filter((name) => /^hearback([.-].*)?\.min\.js$/.test(name) && !/^hearback-\d/.test(name));
const files = Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const { sizes, roles, loader, most, all, problems } = checkScriptFiles(files);
const kb = (bytes) => (bytes / 1024).toFixed(2) + ' KB';
const order = [...roles.loader, ...roles.engine, ...roles.prompt, ...roles.languages];
const width = Math.max(...order.map((name) => name.length));
for (const name of order) console.log(`${name.padEnd(width)}  ${kb(sizes[name].gzip).padStart(9)} gzip  ${kb(sizes[name].brotli).padStart(9)} brotli  ${kb(sizes[name].raw).padStart(10)} raw`);
console.log(`\nloader: ${kb(loader)} gzip, budget ${kb(loaderBudget)} (fails above it)`);
console.log(`the most a page loads (loader + engine + prompt + largest language): ${kb(most)} gzip, budget ${kb(gzipBudget)} (fails above it), goal ${kb(gzipGoal)}: ${most <= gzipGoal ? 'within the goal' : `${kb(most - gzipGoal)} over the goal`}`);
console.log(`every file together (each language counted): ${kb(all)} gzip\n`);
for (const doc of ['README.md', 'docs/performance.md']) {
  if (!existsSync(doc)) problems.push(`${doc} does not exist; it must state the script's sizes`);
  else problems.push(...checkFigures(readFileSync(doc, 'utf8'), doc, { loader, 'a page loads at most': most }));
}
for (const problem of problems) console.error('size gate: ' + problem);
process.exit(problems.length ? 1 : 0);
