import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/test-all.mjs runs its steps by relative path, so a scratch folder with fake step files
// shows how it treats a missing file and a test that leaves something in the temp folder.
const testAll = new URL('../../../scripts/test-all.mjs', import.meta.url).pathname;
let project: string | undefined;
afterEach(() => {
  if (project) rmSync(project, { recursive: true, force: true });
  project = undefined;
});

function runStep(step: string, files: Record<string, string>) {
  project = mkdtempSync(join(tmpdir(), 'hearback-test-all-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  const before = new Set(readdirSync(tmpdir()));
  const run = spawnSync(process.execPath, [testAll, step], { cwd: project, encoding: 'utf8', timeout: 20_000 });
  const added = readdirSync(tmpdir()).filter((name) => !before.has(name));
  return { ...run, added };
}

describe('npm test', () => {
  it('fails a step whose file is missing, naming the file', () => {
    const run = runStep('size budget', {});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('step "size budget" cannot run: missing scripts/size.mjs');
    expect(run.stdout).toContain('FAIL size budget (missing scripts/size.mjs)');
  });

  it('fails naming what a step left in the temp folder, and removes it', () => {
    const run = runStep('size budget', {
      'scripts/size.mjs': "import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; mkdtempSync(tmpdir() + '/hearback-chromium-');",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/ok {3}size budget/);
    expect(run.stderr).toMatch(/the tests left 1 entry in the temp folder: hearback-chromium-\w+/);
    expect(run.added.filter((name) => name.startsWith('hearback-test-run-'))).toEqual([]);
  });

  it('passes a step that cleans up after itself', () => {
    const run = runStep('size budget', {
      'scripts/size.mjs': "import { mkdtempSync, rmSync } from 'node:fs'; import { tmpdir } from 'node:os'; rmSync(mkdtempSync(tmpdir() + '/x-'), { recursive: true });",
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('tests: 0 passed, 0 failed, 0 skipped');
  });
});
