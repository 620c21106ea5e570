import { rollup, type Plugin } from 'rollup';
import terser from '@rollup/plugin-terser';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { bytesPerSource, decodeSegment } from '../../../scripts/source-map-bytes.mjs';

describe('bytes per source, from a source map', () => {
  it('decodes base64 VLQ segments', () => {
    expect(decodeSegment('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeSegment('CACE')).toEqual([1, 0, 1, 2]);
    expect(decodeSegment('D')).toEqual([-1]);
    expect(decodeSegment('gBAAgB')).toEqual([16, 0, 0, 16]);
  });

  it('counts each minified byte for the file it came from', async () => {
    const modules: Record<string, string> = {
      entry: `import { long } from 'long'; import { short } from 'short'; window.x = long() + short();`,
      long: `export function long() { return ${JSON.stringify('a fairly long sentence that survives minification, '.repeat(20))}; }`,
      short: `export function short() { return 'b'; }`,
    };
    const virtual: Plugin = { name: 'virtual', resolveId: (id) => (id in modules ? id : null), load: (id) => modules[id] ?? null };
    const build = await rollup({ input: 'entry', plugins: [virtual] });
    // No compression: terser would fold the two functions into the entry, and so would their bytes.
    const { output } = await build.generate({ format: 'iife', sourcemap: true, plugins: [terser({ compress: false })] });
    await build.close();
    const [chunk] = output;
    const bytes: Map<number, number> = bytesPerSource(chunk.code, chunk.map);
    const of = (name: string) => bytes.get(chunk.map!.sources.findIndex((source) => source.endsWith(name))) ?? 0;
    expect(of('long')).toBeGreaterThan(1000);
    expect(of('short')).toBeGreaterThan(0);
    expect(of('short')).toBeLessThan(50);
    const mapped = [...bytes.values()].reduce((sum, n) => sum + n, 0);
    expect(mapped).toBeLessThanOrEqual(Buffer.byteLength(chunk.code));
    expect(mapped).toBeGreaterThan(Buffer.byteLength(chunk.code) * 0.9);
  });
});
