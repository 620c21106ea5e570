import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README is the front door: it fits on a few screens, and its commands can be pasted as they
// stand — `npm start` keeps running until Ctrl-C, so it never shares a block with a command after it.
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const shellBlocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1].trim().split('\n'));

describe('README', () => {
  it('stays under 250 lines', () => {
    expect(readme.split('\n').length).toBeLessThan(250);
  });

  it('gives the test command and the demo command, the long-running one last in its block', () => {
    const all = shellBlocks.flat();
    expect(all).toContain('npm test');
    expect(all).toContain('npm start');
    for (const block of shellBlocks) {
      const start = block.indexOf('npm start');
      if (start >= 0) expect(start, `npm start must end its block: ${block.join('; ')}`).toBe(block.length - 1);
    }
    expect(readme).toMatch(/Ctrl-C/);
  });

  it('says how to get a browser for the tests', () => {
    expect(readme).toContain('CHROMIUM_PATH=');
    expect(readme).toContain('apt-get install chromium');
  });
});
