// node scripts/size-parts.mjs: what each script-tag file is made of — the loader and each chunk,
// each package and each folder of src/ with its share of the minified file, to know where bytes
// can come from (and which code two files both carry). It builds every script-tag configuration of
// rollup.config.mjs in memory, in order (the loader needs the chunks' names), with a source map
// (dist/ is left alone), and counts each minified byte for the source file it came from. A part's
// gzip figure is that share of the file's gzip size: an estimate (compressing parts apart would
// count the words they share twice).
import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';
import { measure } from './bundle-gate.mjs';
import { bytesPerSource } from './source-map-bytes.mjs';

/** node_modules/<package> (scoped too) or src/<folder>; loose files at src/'s root are "src/ (entries)". */
function partOf(id) {
  const inPackage = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  if (inPackage) return inPackage[1].replace('\\', '/');
  const inSrc = /[\\/]src[\\/](?:([^\\/]+)[\\/])?/.exec(id);
  if (inSrc) return inSrc[1] ? `src/${inSrc[1]}` : 'src/ (entries)';
  return id;
}

const script = configs.filter((config) => config.output.format === 'iife');
for (const config of script) {
  const bundle = await rollup({ ...config, plugins: config.plugins.filter((plugin) => plugin.name !== 'clean-dist') });
  // The record-chunk plugin stays: the loader's build reads the chunks' names from it.
  const { output } = await bundle.generate({ ...config.output, sourcemap: true, plugins: config.output.plugins.filter((plugin) => plugin.name !== 'versioned-copy') });
  await bundle.close();
  const chunk = output.find((file) => file.type === 'chunk');
  if (chunk.fileName.startsWith('hearback-lang-')) continue;
  const total = measure(chunk.code);
  const parts = new Map();
  for (const [index, length] of bytesPerSource(chunk.code, chunk.map)) {
    const part = partOf(chunk.map.sources[index]);
    parts.set(part, (parts.get(part) ?? 0) + length);
  }
  const mapped = [...parts.values()].reduce((sum, length) => sum + length, 0);
  const rows = [...parts].sort((a, b) => b[1] - a[1]).map(([part, length]) => [part, ((length / mapped) * 100).toFixed(1) + ' %', '≈ ' + ((length / mapped) * total.gzip / 1024).toFixed(1) + ' KB']);
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(`\n${chunk.fileName} as built now: ${(total.gzip / 1024).toFixed(1)} KB gzip; ${((mapped / total.raw) * 100).toFixed(0)} % of its bytes map to a source\n`);
  for (const [part, share, gzip] of rows) console.log(`${part.padEnd(width)}  ${share.padStart(7)}  ${gzip.padStart(9)} gzip`);
}
console.log('\n(each language chunk is one table of texts: npm run size lists them)');
