import type { Readable, Writable } from 'node:stream';

/** What a command talks to: the process's streams and environment, or a test's. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: Record<string, string | undefined>;
}

/** The outcome of a command line: 0 done, 1 it ran and failed, 2 it could not run as written. */
export type ExitCode = 0 | 1 | 2;

/** A failure the person at the terminal can fix; printed as one line, exit code `code`. */
export class CommandError extends Error {
  name = 'CommandError';
  constructor(message: string, readonly code: ExitCode = 1) {
    super(message);
  }
}
