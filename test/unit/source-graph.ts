import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const root = join(dirname(new URL(import.meta.url).pathname), '../..');

/**
 * Every source file an entry reaches through relative imports, and the packages they import.
 * Type-only imports (`import type`, `export type`) add no byte to a bundle and are not followed;
 * dynamic `import()`s are followed unless `dynamic` is false (a bundler splits them off).
 */
export function sourceGraph(entry: string, { dynamic = true } = {}) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file) || !existsSync(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [statement, specifier] of [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => [m[0], m[1] ?? m[2]])) {
      if (/^\s*(?:import|export)\s+type\b/.test(statement.trimStart()) || (!dynamic && statement.includes('import('))) continue;
      if (!specifier.startsWith('.')) {
        packages.add(specifier);
        continue;
      }
      const base = join(dirname(file), specifier);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && /\.tsx?$/.test(f));
      if (found) visit(found);
    }
  };
  visit(entry);
  return { files, packages };
}
