import type { CommandSpec } from './command-line';
import type { CliIo, ExitCode } from './cli-io';

/** A subcommand: its spec (words, flags, help) and what it does with a parsed command line. */
export interface Command extends CommandSpec {
  run(input: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[]; io: CliIo }): Promise<ExitCode>;
}
