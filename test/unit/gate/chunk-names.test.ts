// The build names each script-tag chunk by its SRI value and the loader makes the same name from
// that value: the two rules (rollup.config.mjs, src/loading/chunk-manifest.ts) must agree, or the
// loader asks for files that are not there. Read off the built dist/ (npm test builds first).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkFile } from '../../../src/loading/chunk-manifest';

const sriFile = new URL('../../../dist/sri.json', import.meta.url);

describe('chunk names', () => {
  it.runIf(existsSync(sriFile))('every chunk in dist/sri.json is named as the loader names it from its SRI value', () => {
    const sri: Record<string, string> = JSON.parse(readFileSync(sriFile, 'utf8'));
    const chunks = Object.entries(sri).filter(([file]) => /^hearback-(engine|prompt|lang-[a-z]+)\./.test(file));
    expect(chunks.map(([file]) => file.split('.')[0]).sort()).toEqual(expect.arrayContaining(['hearback-engine', 'hearback-prompt', 'hearback-lang-en', 'hearback-lang-th']));
    for (const [file, integrity] of chunks) {
      expect(integrity).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
      const name = /^hearback-(.+?)\./.exec(file)![1];
      expect(chunkFile(name, integrity).file, file).toBe(file);
    }
  });

  it('makes a URL-safe name from any digest (base64url: + and / become - and _)', () => {
    expect(chunkFile('lang-th', 'sha256-a+b/cdEF' + 'x'.repeat(36) + '=').file).toBe('hearback-lang-th.a-b_cdEF.min.js');
  });
});
