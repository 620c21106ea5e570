// Package hygiene, after the build: publint, arethetypeswrong, the tarball's contents (npm pack
// ships only what users need), the npm build's imports (every package it imports is one
// package.json lists, so installing hearback installs them), and both packages installed from
// their tarballs and started (scripts/installed-collector-check.mjs). Exits non-zero on any problem.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let failed = false;
const run = (name, command, args) => {
  console.log(`--- ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
};

run('publint', 'npx', ['publint', '--strict']);
run('arethetypeswrong', 'npx', ['attw', '--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']);

console.log('--- tarball contents');
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = pack.files.map((file) => file.path).sort();
const version = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { encoding: 'utf8' })).version;
const required = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/hearback.min.js', `dist/hearback-${version}.min.js`, 'dist/sri.json', 'dist/index.js', 'dist/index.d.ts', 'dist/receiver.js', 'dist/receiver.d.ts', 'dist/testing.js', 'dist/testing.d.ts', 'dist/answer.schema.json'];
// The loader fetches its chunks from beside itself: every file dist/sri.json names must ship.
const chunks = Object.keys(JSON.parse(readFileSync('dist/sri.json', 'utf8'))).map((name) => 'dist/' + name);
const missing = [...required, ...chunks].filter((file) => !files.includes(file));
const unexpected = files.filter((file) => !(file.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file)));
if (missing.length) console.error('missing from the tarball: ' + missing.join(', '));
if (unexpected.length) console.error('should not be in the tarball: ' + unexpected.join(', '));
console.log(`${files.length} files, ${(pack.size / 1024).toFixed(1)} KB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KB unpacked`);
if (missing.length || unexpected.length) failed = true;

console.log('--- npm build imports');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const listed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const esm = [...readdirSync('dist').filter((f) => f.endsWith('.js') && !f.startsWith('hearback')).map((f) => 'dist/' + f), ...readdirSync('dist/chunks').map((f) => 'dist/chunks/' + f)];
const imported = new Set();
for (const file of esm) {
  // A specifier has no spaces: text such as "answers from" followed by a quote is not an import.
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*['"]([^'"\s]+)['"]/g)) {
    if (!specifier.startsWith('.')) imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
  }
}
const unlisted = [...imported].filter((name) => !listed.has(name));
// The script-tag bundle inlines these; the npm build must leave them to the user's bundler, once.
const external = ['preact', '@preact/signals', 'zod', 'idb-keyval'].filter((name) => !pkg.dependencies?.[name]);
if (unlisted.length) console.error('the npm build imports packages package.json does not list: ' + unlisted.join(', '));
if (external.length) console.error('package.json dependencies must list: ' + external.join(', '));
console.log(`imports ${[...imported].sort().join(', ')}`);
if (unlisted.length || external.length) failed = true;
// What a shop gets from npm: both tarballs installed into an empty folder, the command started.
run('installed collector', 'node', ['scripts/installed-collector-check.mjs']);

process.exit(failed ? 1 : 0);
