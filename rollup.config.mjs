// The build: `rollup -c` (npm run build). Rollup runs these configurations one after another:
//   1. dist/hearback.min.js — the script-tag bundle: one minified IIFE with everything inlined
//      (preact and @preact/signals stay private to it), defining only window.hearback; beside it the
//      versioned copy dist/hearback-<version>.min.js and dist/sri.json with its Subresource
//      Integrity value, for pinned installs;
//   2. dist/index.js, dist/receiver.js, dist/testing.js — the npm entries as ESM, every package
//      import left external (package.json lists them as dependencies), and dist/answer.schema.json,
//      the payload as JSON Schema written from the receiver kit's zod `answerSchema`;
//   3. dist/<entry>.d.ts — one self-contained declaration file per entry: tsc writes declarations
//      into a scratch folder, rollup-plugin-dts bundles each entry's with no relative import left,
//      so every resolution mode (bundler, node16 ESM) finds them.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import { noHtmlSinks } from './scripts/no-html-sinks.mjs';
import { privateZodConfig } from './scripts/private-zod-config.mjs';
import { answerSchemaJson } from './scripts/answer-schema-json.mjs';

const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));
const entries = { index: 'src/index.ts', receiver: 'src/receiver.ts', testing: 'src/testing.ts' };
const typesScratch = 'dist/.types';

/** Package imports (`preact`, `zod/mini`, …) stay imports in the npm build; our own files are bundled. */
const isPackage = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

const transpile = () =>
  esbuild({
    target: 'es2020',
    define: { __HEARBACK_VERSION__: JSON.stringify(pkg.version) },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: 'tsconfig.json',
  });

/** Empties dist/ before the first configuration writes anything — once: a rebuild in watch mode keeps the other outputs. */
let cleaned = false;
const cleanDist = () => ({
  name: 'clean-dist',
  buildStart() {
    if (cleaned) return;
    rmSync('dist', { recursive: true, force: true });
    cleaned = true;
  },
});

/**
 * The pinned CDN file: the same bytes as hearback.min.js under a versioned name, and sri.json with
 * the sha384 value for `<script integrity>` (the same for both names). Runs after terser, so it
 * hashes what ships.
 */
const versionedCopy = () => ({
  name: 'versioned-copy',
  generateBundle(_options, bundle) {
    const { code } = bundle['hearback.min.js'];
    const versioned = `hearback-${pkg.version}.min.js`;
    const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
    this.emitFile({ type: 'asset', fileName: versioned, source: code });
    this.emitFile({ type: 'asset', fileName: 'sri.json', source: JSON.stringify({ [versioned]: integrity, 'hearback.min.js': integrity }, null, 2) + '\n' });
  },
});

/** Runs tsc once into the scratch folder before the first declaration bundle reads it. */
const declarations = () => ({
  name: 'tsc-declarations',
  buildStart() {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', typesScratch], { stdio: 'inherit' });
  },
});

/** Removes the scratch folder after the last declaration bundle is written. */
const removeScratch = () => ({
  name: 'remove-types-scratch',
  writeBundle() {
    rmSync(typesScratch, { recursive: true, force: true });
  },
});

const names = Object.keys(entries);

export default [
  {
    input: 'src/embed.ts',
    onwarn(warning, warn) {
      // preact and zod carry annotations terser reads and rollup does not; node_modules' own cycles are theirs.
      if (warning.code === 'INVALID_ANNOTATION' || (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules')))) return;
      warn(warning);
    },
    plugins: [cleanDist(), nodeResolve({ browser: true }), noHtmlSinks(), privateZodConfig(), transpile()],
    output: {
      file: 'dist/hearback.min.js',
      format: 'iife',
      plugins: [
        // The bundle opens with V8's compile hint (Chrome 136+; other engines read a comment): most
        // of it runs by the first prompt, so compiling it eagerly on the streaming thread beats
        // compiling each function on the main thread at its first call
        // (https://v8.dev/blog/explicit-compile-hints).
        terser({ ecma: 2020, compress: { passes: 3 }, mangle: { properties: false }, format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' } }),
        versionedCopy(),
      ],
    },
  },
  {
    input: entries,
    onwarn(warning, warn) {
      if (warning.code === 'INVALID_ANNOTATION') return;
      warn(warning);
    },
    external: isPackage,
    plugins: [transpile(), answerSchemaJson({ receiver: 'dist/receiver.js', output: 'dist/answer.schema.json' })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  ...names.map((name, index) => ({
    input: `${typesScratch}/${name}.d.ts`,
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    plugins: [...(index === 0 ? [declarations()] : []), dts(), ...(index === names.length - 1 ? [removeScratch()] : [])],
    output: { file: `dist/${name}.d.ts`, format: 'es' },
  })),
];
