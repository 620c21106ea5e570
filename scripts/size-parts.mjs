// node scripts/size-parts.mjs: what the script-tag bundle is made of — each package and each
// folder of src/ with its share of the minified bundle, to know where bytes can come from. It
// builds the bundle in memory with rollup.config.mjs's own configuration (dist/ is left alone) and
// a source map, and counts each minified byte for the source file it came from. A part's gzip
// figure is that share of the whole bundle's gzip size: an estimate (compressing parts apart would
// count the words they share twice).
import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';
import { measure } from './bundle-gate.mjs';
import { bytesPerSource } from './source-map-bytes.mjs';

const [tag] = configs;
const bundle = await rollup({ ...tag, plugins: tag.plugins.filter((plugin) => plugin.name !== 'clean-dist') });
const { output } = await bundle.generate({ ...tag.output, sourcemap: true, plugins: tag.output.plugins.filter((plugin) => plugin.name !== 'versioned-copy') });
await bundle.close();
const chunk = output.find((file) => file.type === 'chunk');
const total = measure(chunk.code);

/** node_modules/<package> (scoped too) or src/<folder>; loose files at src/'s root are "src/ (entries)". */
function partOf(id) {
  const inPackage = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  if (inPackage) return inPackage[1].replace('\\', '/');
  const inSrc = /[\\/]src[\\/](?:([^\\/]+)[\\/])?/.exec(id);
  if (inSrc) return inSrc[1] ? `src/${inSrc[1]}` : 'src/ (entries)';
  return id;
}

const parts = new Map();
for (const [index, length] of bytesPerSource(chunk.code, chunk.map)) {
  const part = partOf(chunk.map.sources[index]);
  parts.set(part, (parts.get(part) ?? 0) + length);
}
const mapped = [...parts.values()].reduce((sum, length) => sum + length, 0);
const rows = [...parts].sort((a, b) => b[1] - a[1]).map(([part, length]) => [part, ((length / mapped) * 100).toFixed(1) + ' %', '≈ ' + ((length / mapped) * total.gzip / 1024).toFixed(1) + ' KB']);
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`dist/hearback.min.js as built now: ${(total.gzip / 1024).toFixed(1)} KB gzip; ${((mapped / total.raw) * 100).toFixed(0)} % of its bytes map to a source\n`);
for (const [part, share, gzip] of rows) console.log(`${part.padEnd(width)}  ${share.padStart(7)}  ${gzip.padStart(9)} gzip`);
