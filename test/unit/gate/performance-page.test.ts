import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { blockOf, headlineMarkers, renderHeadline, renderResults, replaceBlock } from '../../../bench/report.mjs';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('docs/performance.md', () => {
  it('shows exactly what bench/results.json renders to (npm run bench rewrites both)', () => {
    const results = JSON.parse(read('bench/results.json'));
    expect(blockOf(read('docs/performance.md'))).toBe(renderResults(results));
  });

  it('puts every figure the bench measured on the page: the three targets and each bench file', () => {
    const results = JSON.parse(read('bench/results.json'));
    const block = renderResults(results);
    for (const target of ['< 5 ms', '≤ 50 ms', '< 100 ms']) expect(block).toContain(`| ${target} |`);
    expect(results.load.runs.length).toBeGreaterThan(0);
    for (const name of Object.keys(results.benches)) expect(block).toContain(`### ${name}`);
  });

  it('the README quotes the same run, in the words renderHeadline gives it', () => {
    const results = JSON.parse(read('bench/results.json'));
    expect(blockOf(read('README.md'), headlineMarkers)).toBe(renderHeadline(results) + '\n');
  });

  it('rewrites only the text between the markers', () => {
    const page = read('docs/performance.md');
    const rewritten = replaceBlock(page, 'new figures\n');
    expect(blockOf(rewritten)).toBe('new figures\n');
    expect(rewritten.split('<!-- bench:start')[0]).toBe(page.split('<!-- bench:start')[0]);
    expect(rewritten.split('<!-- bench:end -->')[1]).toBe(page.split('<!-- bench:end -->')[1]);
  });
});
