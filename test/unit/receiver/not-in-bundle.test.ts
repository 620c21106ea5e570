import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(dirname(new URL(import.meta.url).pathname), '../../..');

/** Every source file the script-tag entry can reach through relative imports. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
    const base = join(dirname(entry), specifier);
    const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && f.match(/\.tsx?$/));
    if (file) reachable(file, seen);
  }
  return seen;
}

describe('receiver kit', () => {
  it('adds no byte to the script-tag bundle: src/embed.ts never reaches it', () => {
    const files = [...reachable(join(root, 'src/embed.ts'))].map((file) => relative(root, file));
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((file) => file === 'src/receiver.ts' || file.startsWith('src/receiver/'))).toEqual([]);
  });
});
