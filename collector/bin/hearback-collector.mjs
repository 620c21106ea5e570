#!/usr/bin/env node
// The `hearback-collector` command. This file is committed (not built), so `npm ci` in a fresh
// clone links the command even before `npm run build` has made dist/cli.js, and the command then
// says what to do instead of "not found".
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(`hearback-collector: it is not built yet (${fileURLToPath(cli)} is missing).
Build it once, in the repository's folder:
  npm run build && npm run build --workspace hearback-collector
then run the command again.`);
  process.exit(1);
}
await import(cli.href);
