// The collector's test files run one after another in one module graph per worker (`isolate: false`
// in vitest.config.ts). That holds only while no file changes what the next one imports or sees:
// no module mocks, no stubbed globals or environment, no fake timers left running.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const testDir = fileURLToPath(new URL('.', import.meta.url));
const sharedState = /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers|spyOn)\(|process\.env\.\w+\s*=[^=]|delete process\.env\./;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(ts|tsx|mjs)$/.test(entry.name) ? [join(dir, entry.name)] : []);
}

it('no collector test changes what the next file in its worker sees', () => {
  const offenders = files(testDir)
    .filter((file) => file !== fileURLToPath(import.meta.url))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n').flatMap((line, i) => sharedState.test(line) ? [`${relative(testDir, file)}:${i + 1}: ${line.trim()}`] : []));
  expect(offenders, 'mock, stub or set these inside a child process instead, or move the file to a project with isolation').toEqual([]);
});
