// The built command itself, as `npx hearback-collector` runs it (built first when stale).
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs test helper without types
import { runCommand } from '../support/collector-process.mjs';

describe('collector/dist/cli.js', () => {
  it('answers --help with exit 0, and an unknown command or flag with one line and exit 2', async () => {
    const help = await runCommand(['token', 'create', '--help']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: hearback-collector token create <name>/) });
    expect(await runCommand(['frobnicate'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^hearback-collector: unknown command "frobnicate" \([^\n]*\)\n$/) });
    expect(await runCommand(['erase', '--everything'])).toMatchObject({ code: 2, stderr: 'hearback-collector erase: unknown option --everything (see hearback-collector erase --help)\n' });
    expect(await runCommand(['--port', 'eighty'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--port: "eighty" must be a whole number from 0 to 65535') });
  }, 120_000);
});
