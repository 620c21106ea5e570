import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, sourceGraph } from '../source-graph';

describe('what each script-tag file carries', () => {
  it('the loader every page view runs carries no package: no zod, no preact, no signals, no IndexedDB wrapper', () => {
    const { files, packages } = sourceGraph(join(root, 'src/embed.ts'));
    expect([...packages]).toEqual([]);
    expect([...files].map((file) => relative(root, file)).filter((file) => /^src\/(ui|config|outbox|rules|triggers|i18n)\//.test(file))).toEqual([]);
  });

  it('the engine chunk carries no UI; the prompt chunk no options checks and no outbox', () => {
    const engine = sourceGraph(join(root, 'src/chunks/engine.ts'));
    expect([...engine.packages].filter((name) => /preact/.test(name))).toEqual([]);
    expect([...engine.files].map((file) => relative(root, file)).filter((file) => file.startsWith('src/ui/') && !file.endsWith('prompt-types.ts'))).toEqual([]);
    const prompt = sourceGraph(join(root, 'src/chunks/prompt.ts'));
    expect([...prompt.packages].filter((name) => name.startsWith('zod') || name === 'idb-keyval')).toEqual([]);
    expect([...prompt.files].map((file) => relative(root, file)).filter((file) => /^src\/(config|outbox|rules|triggers|storage)\//.test(file))).toEqual([]);
  });

  it('the npm module splits the prompt and each extra language off behind import()', () => {
    const { packages } = sourceGraph(join(root, 'src/index.ts'), { dynamic: false });
    expect([...packages].filter((name) => /preact/.test(name))).toEqual([]);
  });
});
