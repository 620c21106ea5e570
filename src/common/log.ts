/**
 * Console output, always prefixed `hearback:` so a site owner can find it. Logging must never throw
 * into the host page (a page may replace `console` with something odd).
 */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export function createLogger(debug = false, sink: Pick<Console, 'error' | 'warn' | 'info'> = console): Logger {
  const write = (level: 'error' | 'warn' | 'info', message: string) => {
    try {
      sink[level]('hearback: ' + message);
    } catch {
      /* a broken console is not our problem to surface */
    }
  };
  return {
    error: (message) => write('error', message),
    warn: (message) => write('warn', message),
    debug: (message) => debug && write('info', message),
  };
}
