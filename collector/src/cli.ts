#!/usr/bin/env node
// `npx hearback-collector`: no command (or only flags) starts the server; `migrate`, `user add`,
// `token create`, `token revoke`, `export` and `erase` work on its database. Each has --help.
import { runCli } from './cli/run-cli';
import { loadConfig } from './config';
import { startServer, stopOnSignals } from './server';

const outcome = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }, {
  async serve(args) {
    stopOnSignals(await startServer({ config: loadConfig(process.env, args) }));
  },
});
if (outcome !== 'serving') process.exitCode = outcome;
