import type { Readable, Writable } from 'node:stream';

export interface PasswordSource {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** `--password-stdin`: the first line of standard input is the password. */
  fromStdin: boolean;
}

/** The environment variable a script can put a new user's password in. */
export const passwordVariable = 'HEARBACK_USER_PASSWORD';

/**
 * A new password, never from the command line (it would sit in the shell history and in `ps`):
 * `--password-stdin` reads the first line of stdin; else `HEARBACK_USER_PASSWORD`; else, on a
 * terminal, a prompt that does not echo, asked twice. Resolves `{ problem }` when none is possible.
 */
export async function readPassword({ stdin, stderr, env, fromStdin }: PasswordSource): Promise<{ password: string } | { problem: string }> {
  if (fromStdin) {
    const text = await readAll(stdin);
    const password = text.split(/\r?\n/)[0];
    return password ? { password } : { problem: 'password: standard input was empty (--password-stdin reads its first line)' };
  }
  if (env[passwordVariable]) return { password: env[passwordVariable]! };
  if (!stdin.isTTY || !stdin.setRawMode) {
    return { problem: `password: not a terminal, so give it with --password-stdin or in ${passwordVariable}` };
  }
  const first = await promptHidden(stdin, stderr, 'Password: ');
  const again = await promptHidden(stdin, stderr, 'Password again: ');
  if (first !== again) return { problem: 'password: the two entries differ' };
  return first ? { password: first } : { problem: 'password: empty' };
}

function readAll(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (text += chunk));
    stream.on('end', () => resolve(text));
    stream.on('error', reject);
  });
}

/** Reads one line in raw mode, echoing nothing; Ctrl+C aborts the process like at a shell prompt. */
function promptHidden(stdin: PasswordSource['stdin'], stderr: Writable, question: string): Promise<string> {
  stderr.write(question);
  stdin.setRawMode!(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve) => {
    let line = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          stderr.write('\n');
          process.exit(130);
        }
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode!(false);
          stdin.pause();
          stdin.off('data', onData);
          stderr.write('\n');
          return resolve(line);
        }
        line = char === '\u007f' || char === '\b' ? line.slice(0, -1) : line + char;
      }
    };
    stdin.on('data', onData);
  });
}
