import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { checkLinks } from '../../../scripts/check-links.mjs';

const root = new URL('../../../', import.meta.url).pathname;

describe('links in README.md and docs/', () => {
  it('every relative link names a file that exists, and every #anchor a heading in it', () => {
    const { dead, pending } = checkLinks(root);
    const waiting = [...new Set(pending.map((line: string) => /→ (\S+)/.exec(line)?.[1]?.replace(/^(\.\.\/)+|^docs\//g, '') ?? line))];
    if (pending.length) console.warn(`link check: ${pending.length} links wait for pages listed in docs/.pending-links: ${waiting.join(', ')}`);
    expect(dead).toEqual([]);
  });
});

describe('the link check', () => {
  const project = mkdtempSync(join(tmpdir(), 'hearback-links-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), text);
  };
  write('docs/screenshots/a.png', '');
  write('docs/guide.md', '# Guide\n\n## `init(options)` and rules!\n\n<a id="custom"></a>\n\nBack to the [front](../README.md#hearback).\n');
  write('README.md', [
    '# hearback',
    '',
    '![prompt](docs/screenshots/a.png) <img src="docs/screenshots/missing.png" alt="">',
    '',
    '| page | |',
    '|---|---|',
    '| [guide](docs/guide.md#initoptions-and-rules) | [custom](docs/guide.md#custom) |',
    '',
    '- [gone](docs/gone.md), [bad anchor](docs/guide.md#nowhere), [here](#hearback), [not here](#elsewhere)',
    '- [web](https://example.com/x.md) [mail](mailto:a@example.com) [later](docs/later.md#anything)',
    '',
    '```md',
    '[in a code block](docs/not-checked.md)',
    '```',
  ].join('\n'));
  write('docs/.pending-links', '# written by another branch\ndocs/later.md\n');

  it('names each dead file and anchor, with its line, and nothing else', () => {
    const { dead } = checkLinks(project);
    expect(dead).toEqual([
      'README.md:3 → docs/screenshots/missing.png (no such file: docs/screenshots/missing.png)',
      'README.md:9 → docs/gone.md (no such file: docs/gone.md)',
      'README.md:9 → docs/guide.md#nowhere (no heading #nowhere in docs/guide.md)',
      'README.md:9 → #elsewhere (no heading #elsewhere in README.md)',
    ]);
  });

  it('treats a page listed in docs/.pending-links as a warning until it exists, then asks to unlist it', () => {
    expect(checkLinks(project).pending).toEqual(['README.md:10 → docs/later.md#anything (not there yet; listed in docs/.pending-links)']);
    write('docs/later.md', '# Anything\n');
    expect(checkLinks(project).pending).toEqual(['docs/.pending-links: docs/later.md exists now; take it off the list']);
  });
});
