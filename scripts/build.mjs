// Builds every output: the script-tag IIFE, the ESM entries with their types, the versioned CDN copy
// and its Subresource Integrity value. Usage: node scripts/build.mjs
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import { noHtmlSinks } from './no-html-sinks.mjs';
import { privateZodConfig } from './private-zod-config.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const dist = new URL('dist/', root);
const define = { __HEARBACK_VERSION__: JSON.stringify(pkg.version) };
const esbuildPlugin = () => esbuild({ target: 'es2020', define, jsx: 'automatic', jsxImportSource: 'preact', tsconfig: 'tsconfig.json' });

rmSync(dist, { recursive: true, force: true });

// 1. The one-tag bundle: everything inlined, one IIFE that defines only window.hearback. It opens with
// V8's compile hint (Chrome 136+; other engines read a comment): most of the bundle runs by the
// first prompt, so compiling it eagerly on the streaming thread beats compiling each function on
// the main thread at its first call (https://v8.dev/blog/explicit-compile-hints).
const iife = await rollup({
  input: 'src/embed.ts',
  onwarn(warning, warn) {
    if (warning.code === 'INVALID_ANNOTATION' || (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules')))) return;
    warn(warning);
  },
  plugins: [nodeResolve({ browser: true }), noHtmlSinks(), privateZodConfig(), esbuildPlugin()],
});
await iife.write({
  file: 'dist/hearback.min.js',
  format: 'iife',
  plugins: [terser({ ecma: 2020, compress: { passes: 3 }, mangle: { properties: false }, format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' } })],
});
await iife.close();

// 2. The npm entries: ESM, dependencies left to the consumer's bundler.
const entries = { index: 'src/index.ts', ...(pkg.exports['./receiver'] ? { receiver: 'src/receiver.ts' } : {}), ...(pkg.exports['./testing'] ? { testing: 'src/testing.ts' } : {}) };
const esm = await rollup({
  input: entries,
  onwarn(warning, warn) {
    if (warning.code === 'INVALID_ANNOTATION') return;
    warn(warning);
  },
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  plugins: [esbuildPlugin()],
});
await esm.write({ dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
await esm.close();

// 3. Types, from the same sources: tsc writes declarations into a scratch folder, then
// rollup-plugin-dts bundles one self-contained .d.ts per entry (no relative imports left, so
// every resolution mode — bundler, node16 ESM — finds them).
const scratch = new URL('dist/.types/', root);
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', scratch.pathname], { stdio: 'inherit', cwd: root });
for (const name of Object.keys(entries)) {
  const types = await rollup({ input: new URL(`${name}.d.ts`, scratch).pathname, plugins: [dts()], external: (id) => !id.startsWith('.') && !id.startsWith('/') });
  await types.write({ file: `dist/${name}.d.ts`, format: 'es' });
  await types.close();
}
rmSync(scratch, { recursive: true, force: true });

// 4. The versioned CDN file and its SRI hash, for pinned installs.
const versioned = `hearback-${pkg.version}.min.js`;
copyFileSync(new URL('hearback.min.js', dist), new URL(versioned, dist));
const integrity = 'sha384-' + createHash('sha384').update(readFileSync(new URL(versioned, dist))).digest('base64');
writeFileSync(new URL('sri.json', dist), JSON.stringify({ [versioned]: integrity, 'hearback.min.js': integrity }, null, 2) + '\n');

const size = readFileSync(new URL('hearback.min.js', dist)).length;
console.log(`built dist/hearback.min.js (${size} bytes), dist/${versioned}, dist/index.js, dist/index.d.ts; ${integrity}`);
