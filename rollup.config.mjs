// The build: `rollup -c` (npm run build). Rollup runs these configurations one after another:
//   1. the script tag's chunks, each a minified IIFE named by its SRI digest (the first 8 characters,
//      base64url) that hands what it carries to the loader (src/loading/chunk-event.ts) and defines
//      no global: dist/hearback-prompt.<hash>.min.js (preact, signals, the UI),
//      dist/hearback-lang-<tag>.<hash>.min.js (one per language) and
//      dist/hearback-engine.<hash>.min.js (options checks, triggers, rules, consent, the outbox);
//   2. dist/hearback.min.js — the loader the tag names: a minified IIFE defining only
//      window.hearback, with the chunks' SRI values written in (it makes their names from them and
//      fetches them from its own base URL, pinned); beside it the versioned copy
//      dist/hearback-<version>.min.js and
//      dist/sri.json with the Subresource Integrity value of every file, for pinned installs;
//   3. dist/index.js, dist/receiver.js, dist/testing.js — the npm entries as ESM, every package
//      import left external (package.json lists them as dependencies), and dist/answer.schema.json,
//      the payload as JSON Schema written from the receiver kit's zod `answerSchema`;
//      (the prompt and each other language are import()ed, so bundlers split them off too);
//   4. dist/<entry>.d.ts — one self-contained declaration file per entry: tsc writes declarations
//      into a scratch folder, rollup-plugin-dts bundles each entry's with no relative import left,
//      so every resolution mode (bundler, node16 ESM) finds them.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
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

const transpile = (define = {}) =>
  esbuild({
    target: 'es2020',
    define: { __HEARBACK_VERSION__: JSON.stringify(pkg.version), __HEARBACK_ANSWER_WORDS__: 'true', ...define },
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
 * the sha384 value for `<script integrity>` of both names (the same) and the sha256 value of every
 * chunk (as the loader pins it). Runs after terser, so it hashes what ships.
 */
const versionedCopy = () => ({
  name: 'versioned-copy',
  generateBundle(_options, bundle) {
    const { code } = bundle['hearback.min.js'];
    const versioned = `hearback-${pkg.version}.min.js`;
    const integrity = integrityOf(code);
    const chunkFiles = [chunks.engine, chunks.prompt, ...Object.values(chunks.languages)];
    const sri = { [versioned]: integrity, 'hearback.min.js': integrity, ...Object.fromEntries(chunkFiles.map(({ file, integrity }) => [file, integrity])) };
    this.emitFile({ type: 'asset', fileName: versioned, source: code });
    this.emitFile({ type: 'asset', fileName: 'sri.json', source: JSON.stringify(sri, null, 2) + '\n' });
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

/** Subresource Integrity value of a file's bytes: sha384 for the loader (the tag people paste). */
const integrityOf = (code, algorithm = 'sha384') => `${algorithm}-${createHash(algorithm).update(code).digest('base64')}`;

/** The chunks' names and SRI values, filled as each chunk is written and read by the loader's build. */
const chunks = { languages: {} };

/**
 * A chunk's file name from its SRI value, by the loader's rule (src/loading/chunk-manifest.ts,
 * `chunkFile`; test/unit/gate/chunk-names.test.ts holds the two together): the loader then carries
 * each chunk's digest once, not a name beside it.
 */
const chunkFileName = (name, integrity) => `hearback-${name}.${integrity.slice(7, 15).replace(/\+/g, '-').replace(/\//g, '_')}.min.js`;

/**
 * After terser: names the entry file by its SRI value (`hearback-<name>.<digest>.min.js`) and records
 * both (`record({ file, integrity })`).
 */
const recordChunk = (name, record) => ({
  name: 'record-chunk',
  generateBundle(_options, bundle) {
    const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
    // sha256 for the chunks: the loader carries every chunk's value, and 11 of them were a sixth of its
    // bytes; 256 bits pin a file as well against change (SRI accepts sha256, sha384 and sha512).
    const integrity = integrityOf(entry.code, 'sha256');
    delete bundle[entry.fileName];
    entry.fileName = chunkFileName(name, integrity);
    bundle[entry.fileName] = entry;
    record({ file: entry.fileName, integrity });
  },
});

/** Writes the chunk manifest into the loader where src/loading/chunk-manifest.ts names it. */
const chunkManifest = () => ({
  name: 'chunk-manifest',
  transform(code) {
    if (!code.includes('__HEARBACK_CHUNKS__')) return null;
    if (!chunks.engine || !chunks.prompt) this.error('chunk-manifest: the chunks must be built before the loader');
    // Each chunk by its SRI value alone: the loader makes the file name from it (chunkFile).
    const manifest = {
      engine: chunks.engine.integrity,
      prompt: chunks.prompt.integrity,
      languages: Object.fromEntries(Object.entries(chunks.languages).map(([tag, { integrity }]) => [tag, integrity])),
    };
    return { code: code.replaceAll('__HEARBACK_CHUNKS__', `(${JSON.stringify(manifest)})`), map: null };
  },
});

/** A language chunk's entry: hands the table of src/i18n/languages/<tag>.ts to the loader. */
const languageEntry = (tag) => ({
  name: 'language-entry',
  resolveId: (id) => (id === `\0language:${tag}` ? id : null),
  load: (id) =>
    id === `\0language:${tag}`
      ? `import { registerChunk } from ${JSON.stringify(new URL('src/loading/chunk-event.ts', import.meta.url).pathname)};
import { table } from ${JSON.stringify(new URL(`src/i18n/languages/${tag}.ts`, import.meta.url).pathname)};
registerChunk(table);`
      : null,
});

/**
 * The script tag's own definitions: its engine reads queued answers back through the payload
 * schema but never shows why one fails (it drops it with one console line), so the receiver kit's
 * words for each problem stay out of its chunk (src/payload/answer-schema.ts).
 */
const scriptDefines = { __HEARBACK_ANSWER_WORDS__: 'false' };

const scriptWarnings = (warning, warn) => {
  // preact and zod carry annotations terser reads and rollup does not; node_modules' own cycles are theirs.
  if (warning.code === 'INVALID_ANNOTATION' || (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules')))) return;
  warn(warning);
};

// Each file opens with V8's compile hint (Chrome 136+; other engines read a comment): most of it runs
// once it arrives, so compiling it eagerly on the streaming thread beats compiling each function on
// the main thread at its first call (https://v8.dev/blog/explicit-compile-hints).
const minify = () => terser({ ecma: 2020, compress: { passes: 3 }, mangle: { properties: false }, format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' } });

/** One script-tag chunk (`name`: engine, prompt, lang-<tag>): an IIFE named by its SRI value, recorded for the loader. */
const scriptChunk = ({ input, name, record, plugins = [] }) => ({
  input,
  onwarn: scriptWarnings,
  plugins: [...plugins, nodeResolve({ browser: true }), noHtmlSinks(), privateZodConfig(), transpile(scriptDefines)],
  output: { dir: 'dist', format: 'iife', entryFileNames: `hearback-${name}.min.js`, plugins: [minify(), recordChunk(name, record)] },
});

/** The languages, each a chunk of its own (English and Thai too: the prompt carries no wording). */
const languages = readdirSync(new URL('src/i18n/languages/', import.meta.url)).map((file) => file.replace(/\.ts$/, '')).sort();

export default [
  scriptChunk({ input: 'src/chunks/prompt.ts', name: 'prompt', record: (file) => (chunks.prompt = file), plugins: [cleanDist()] }),
  ...languages.map((tag) =>
    scriptChunk({ input: `\0language:${tag}`, name: `lang-${tag}`, record: (file) => (chunks.languages[tag] = file), plugins: [languageEntry(tag)] }),
  ),
  scriptChunk({ input: 'src/chunks/engine.ts', name: 'engine', record: (file) => (chunks.engine = file) }),
  {
    input: 'src/embed.ts',
    onwarn: scriptWarnings,
    plugins: [nodeResolve({ browser: true }), noHtmlSinks(), privateZodConfig(), transpile(scriptDefines), chunkManifest()],
    output: { file: 'dist/hearback.min.js', format: 'iife', plugins: [minify(), versionedCopy()] },
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
