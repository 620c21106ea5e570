// The built collector as a shop runs it: `node collector/dist/cli.js` in a child process, for the
// browser tests and the bench (built first when its sources are newer than its build). Every process started here is ended by `stop()`; a temp PGlite
// folder made here is deleted by it too.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testNodeFlags } from '../../../scripts/test-node-flags.mjs';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cliPath = join(repositoryRoot, 'collector/dist/cli.js');

let built;
/** Builds the collector once per process when its build is missing or older than its sources. */
function ensureBuilt() {
  built ??= import('../../scripts/build.mjs').then(({ buildIfStale }) => buildIfStale());
  return built;
}

/**
 * The test flags (scripts/test-node-flags.mjs) the caller runs with, for its collector too: the
 * test processes run with them, the benches without (they measure the app as it ships).
 */
const nodeFlags = process.execArgv.filter((flag) => testNodeFlags.includes(flag));

/** The environment a command sees: the caller's, minus a DATABASE_URL it did not ask for. */
const baseEnv = (env) => ({ ...process.env, DATABASE_URL: '', HEARBACK_TIMEZONE: 'UTC', ...env });

/**
 * Runs one CLI command to completion (bounded: `timeoutMs`); `input` is written to its stdin.
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export async function runCommand(args, { env = {}, input = '', timeoutMs = 60_000 } = {}) {
  await ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, cliPath, ...args], { cwd: repositoryRoot, env: baseEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hearback-collector ${args.join(' ')} did not finish in ${timeoutMs / 1000} s: ${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

/**
 * Starts the server on 127.0.0.1, a free port, and resolves once it listens.
 * Without `HEARBACK_DATA_DIR` or `DATABASE_URL` in `env` it gets a fresh PGlite folder.
 * @returns {Promise<{ origin: string, pid: number, env: Record<string, string>, output: () => string, exited: () => boolean, stop: () => Promise<void>, kill: () => Promise<void> }>}
 */
export async function startCollector({ env = {}, timeoutMs = 60_000 } = {}) {
  await ensureBuilt();
  const ownDir = !env.HEARBACK_DATA_DIR && !env.DATABASE_URL ? mkdtempSync(join(tmpdir(), 'hearback-collector-')) : undefined;
  const fullEnv = { PORT: '0', HOST: '127.0.0.1', ...(ownDir ? { HEARBACK_DATA_DIR: ownDir } : {}), ...env };
  const child = spawn(process.execPath, [...nodeFlags, cliPath], { cwd: repositoryRoot, env: baseEnv(fullEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const cleanUp = () => ownDir && rmSync(ownDir, { recursive: true, force: true });
  try {
    const origin = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the collector did not start in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
      child.stdout.on('data', () => {
        const match = output.match(/listening on (http:\/\/[\d.]+:\d+)/);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the collector exited with ${code}:\n${output}`));
      });
    });
    return {
      origin,
      pid: child.pid,
      env: fullEnv,
      output: () => output,
      /** Whether the process has ended (by itself, or stopped or killed here). */
      exited: () => child.exitCode !== null || child.signalCode !== null,
      async stop() {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
        cleanUp();
      },
      /** Ends it at once with SIGKILL, as a crash would (its PGlite folder, if made here, is removed). */
      async kill() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited;
        cleanUp();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw error;
  }
}

/** Signs in over HTTP (the JSON form of POST /signin) and returns the session cookie. */
export async function signIn(origin, { email, password }) {
  const response = await fetch(`${origin}/signin`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  return response.headers.get('set-cookie').split(';')[0];
}
