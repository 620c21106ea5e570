import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run-cli';
import { loadConfig } from '../../src/config';

/**
 * Runs one `hearback-collector` command line in this process, as `cli.ts` would (short of
 * listening: starting the server only reads its settings), with `env` as its environment.
 * Resolves its exit code, its standard output and error, and the flags the server would start with.
 */
export async function runCommandLine(argv: string[], env: Record<string, string>, stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const served: string[][] = [];
  const code = await runCli(argv, { stdout, stderr, stdin: Readable.from([stdin]), env }, {
    serve: async (args) => {
      loadConfig(env, args);
      served.push(args);
    },
  });
  return { code, out, err, served };
}
