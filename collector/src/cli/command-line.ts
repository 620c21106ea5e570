import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** One subcommand of `hearback-collector`: its words, what it takes, and its help text. */
export interface CommandSpec {
  /** The words that name it: `['migrate']`, `['user', 'add']`. */
  words: string[];
  summary: string;
  /** Required positionals, in order, as shown in the usage line (`<email>`). */
  positionals: string[];
  options: OptionSpecs;
  /** The usage line's flags part, e.g. `[--role owner|staff] [--password-stdin]`. */
  usage: string;
  /** Paragraphs after the usage line. */
  details: string;
}

export type ParsedCommand<Spec extends CommandSpec = CommandSpec> = {
  ok: true;
  spec: Spec;
  help: boolean;
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
};

/** A command line that cannot run: one line saying why, for stderr, and exit code 2. */
export type UsageError = { ok: false; message: string };

export const programName = 'hearback-collector';

/**
 * Finds the command named by the leading words of `argv` and parses the rest with node's
 * `util.parseArgs` (strict: an unknown flag or a missing value is an error, not ignored).
 */
export function parseCommandLine<Spec extends CommandSpec>(argv: string[], specs: Spec[]): ParsedCommand<Spec> | UsageError {
  const byLength = [...specs].sort((a, b) => b.words.length - a.words.length);
  const spec = byLength.find((candidate) => candidate.words.every((word, i) => argv[i] === word));
  if (!spec) {
    const words = argv.slice(0, 2).filter((word) => !word.startsWith('-')).join(' ');
    const known = specs.map((s) => s.words.join(' ')).join(', ');
    return { ok: false, message: `${programName}: unknown command "${words}" (commands: ${known}; see ${programName} --help)` };
  }
  const name = [programName, ...spec.words].join(' ');
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(spec.words.length),
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { ok: false, message: `${name}: ${describeParseError(error)} (see ${name} --help)` };
  }
  const values = parsed.values as ParsedCommand['values'];
  if (values.help) return { ok: true, spec, help: true, positionals: parsed.positionals, values };
  if (parsed.positionals.length !== spec.positionals.length) {
    const expected = spec.positionals.length ? `expected ${spec.positionals.join(' ')}` : 'expected no arguments';
    const got = parsed.positionals.length ? `got ${parsed.positionals.map((p) => JSON.stringify(p)).join(' ')}` : 'got none';
    return { ok: false, message: `${name}: ${expected}, ${got} (see ${name} --help)` };
  }
  return { ok: true, spec, help: false, positionals: parsed.positionals, values };
}

/** Node's parse errors, as one short clause: `unknown option --frobnicate`. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `option ${option} needs a value`;
  return message.split('. ')[0];
}

/** The help text of one command. */
export function commandHelp(spec: CommandSpec): string {
  const usage = [programName, ...spec.words, ...spec.positionals, spec.usage].filter(Boolean).join(' ');
  return `Usage: ${usage}\n\n${spec.summary}\n${spec.details ? `\n${spec.details.trim()}\n` : ''}`;
}

/** The program's help: starting the server with its settings, then every command, one line each. */
export function programHelp(specs: CommandSpec[], settings: string): string {
  const rows = specs.map((spec) => [[programName, ...spec.words, ...spec.positionals].join(' '), spec.summary]);
  const width = Math.max(...rows.map(([usage]) => usage.length));
  return `Usage: ${programName} [--flag value …]     start the server
       ${programName} <command> [options]

Settings (a flag wins over its environment variable):
${settings}

Commands:
${rows.map(([usage, summary]) => `  ${usage.padEnd(width)}  ${summary}`).join('\n')}

Run ${programName} <command> --help for a command's options.
`;
}
