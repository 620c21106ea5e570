import { ConfigError, describeSettings } from '../config';
import { userAdd, tokenCreate, tokenRevoke } from './account-commands';
import { backupCommand, moveCommand, restoreCommand } from './backup-commands';
import { commandHelp, parseCommandLine, programHelp, programName } from './command-line';
import type { Command } from './command';
import { CommandError, type CliIo, type ExitCode } from './cli-io';
import { linkCommand } from './link-command';
import { lineSendCommand } from './line-command';
import { migrateCommand } from './migrate-command';
import { userResetPassword } from './password-commands';
import { erase, exportAnswers } from './privacy-commands';

export const commands: Command[] = [migrateCommand, userAdd, userResetPassword, tokenCreate, tokenRevoke, erase, exportAnswers, linkCommand, lineSendCommand, backupCommand, restoreCommand, moveCommand];

/**
 * `hearback-collector …`: no command (or only flags) starts the server with `serve`; a command
 * runs and returns its exit code. A command line that cannot run prints one line and returns 2;
 * a bad setting prints one line per bad value and returns 2; a failure while running returns 1.
 * `serve` resolves once the server is listening (the process then lives until a signal).
 */
export async function runCli(argv: string[], io: CliIo, { serve }: { serve: (args: string[]) => Promise<void> }): Promise<ExitCode | 'serving'> {
  try {
    if (argv.length === 0 || argv[0].startsWith('-')) {
      if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout.write(programHelp(commands, describeSettings()));
        return 0;
      }
      await serve(argv);
      return 'serving';
    }
    if (argv[0] === 'help') {
      const topic = argv.length > 1 ? parseCommandLine(argv.slice(1), commands) : undefined;
      io.stdout.write(topic?.ok ? commandHelp(topic.spec) : programHelp(commands, describeSettings()));
      return 0;
    }
    const parsed = parseCommandLine(argv, commands);
    if (!parsed.ok) {
      io.stderr.write(`${parsed.message}\n`);
      return 2;
    }
    if (parsed.help) {
      io.stdout.write(commandHelp(parsed.spec));
      return 0;
    }
    return await parsed.spec.run({ values: parsed.values, positionals: parsed.positionals, io });
  } catch (error) {
    if (error instanceof CommandError) {
      io.stderr.write(`${programName} ${error.message}\n`);
      return error.code;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`${programName}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
