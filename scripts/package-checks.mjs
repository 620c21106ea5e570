// Package hygiene, after the build: publint, arethetypeswrong, and the tarball's contents
// (npm pack ships only what users need). Exits non-zero on any problem.
import { execFileSync, spawnSync } from 'node:child_process';

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
const required = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/hearback.min.js', `dist/hearback-${version}.min.js`, 'dist/sri.json', 'dist/index.js', 'dist/index.d.ts', 'dist/receiver.js', 'dist/receiver.d.ts', 'dist/testing.js', 'dist/testing.d.ts'];
const missing = required.filter((file) => !files.includes(file));
const unexpected = files.filter((file) => !(file.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file)));
if (missing.length) console.error('missing from the tarball: ' + missing.join(', '));
if (unexpected.length) console.error('should not be in the tarball: ' + unexpected.join(', '));
console.log(`${files.length} files, ${(pack.size / 1024).toFixed(1)} KB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KB unpacked`);
if (missing.length || unexpected.length) failed = true;
process.exit(failed ? 1 : 0);
