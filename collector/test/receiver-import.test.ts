import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const collector = new URL('..', import.meta.url).pathname;
const sdkSource = resolve(collector, '../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(ts|tsx|js)$/.test(entry.name) ? [join(dir, entry.name)] : []);

// The app reads survey types, scales and the payload through the package its users install
// (`hearback/receiver`); a relative path into the SDK's src/ works in this repository only.
describe('the app and the SDK', () => {
  it("imports the SDK through hearback/receiver, never by a path into the SDK's src/", () => {
    const offenders = ['src', 'client'].flatMap((dir) => files(join(collector, dir))).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)]
        .filter(([, path]) => resolve(dirname(file), path).startsWith(sdkSource + '/'))
        .map(([, path]) => `${relative(collector, file)}: ${path}`));
    expect(offenders).toEqual([]);
  });
});
