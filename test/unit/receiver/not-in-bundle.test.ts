import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, sourceGraph } from '../source-graph';

describe('receiver kit', () => {
  it('adds no byte to the script tag: neither the loader nor any chunk it fetches reaches it', () => {
    for (const entry of ['src/embed.ts', 'src/chunks/engine.ts', 'src/chunks/prompt.ts']) {
      const files = [...sourceGraph(join(root, entry)).files].map((file) => relative(root, file));
      expect(files.length, entry).toBeGreaterThan(3);
      expect(files.filter((file) => file === 'src/receiver.ts' || file.startsWith('src/receiver/')), entry).toEqual([]);
    }
  });
});
