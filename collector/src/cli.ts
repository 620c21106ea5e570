#!/usr/bin/env node
import { ConfigError, describeSettings, loadConfig } from './config';
import { startServer, stopOnSignals } from './server';

/**
 * `hearback-collector [command] [--flags]`. Each command is one entry: its one-line summary and
 * what it runs with the remaining arguments.
 */
const commands: Record<string, { summary: string; run: (args: string[]) => Promise<void> }> = {
  start: {
    summary: 'run the collector (the default command)',
    async run(args) {
      const running = await startServer({ config: loadConfig(process.env, args) });
      stopOnSignals(running);
    },
  },
};

function help(): string {
  return `Usage: hearback-collector [command] [--flags]

Commands:
${Object.entries(commands).map(([name, command]) => `  ${name.padEnd(16)} ${command.summary}`).join('\n')}

Settings (flag, environment variable, default):
${describeSettings()}
`;
}

const [first, ...rest] = process.argv.slice(2);
const named = first && !first.startsWith('-') ? first : undefined;
const args = named ? rest : process.argv.slice(2);

if (args.includes('--help') || args.includes('-h') || named === 'help') {
  console.log(help());
} else if (named && !commands[named]) {
  console.error(`hearback-collector: unknown command "${named}"\n\n${help()}`);
  process.exit(2);
} else {
  try {
    await commands[named ?? 'start'].run(args);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `hearback-collector: ${(error as Error)?.message ?? error}`);
    process.exit(1);
  }
}
