/** Structured logging: one JSON object per line on stdout (errors on stderr). */
export interface Log {
  info(fields: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createLog(write: { out: (line: string) => void; err: (line: string) => void } = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
}): Log {
  return {
    info: (fields) => write.out(JSON.stringify({ time: new Date().toISOString(), ...fields })),
    error: (message, fields = {}) => write.err(JSON.stringify({ time: new Date().toISOString(), level: 'error', message, ...fields })),
  };
}

/** Swallows everything (tests). */
export const silentLog: Log = { info: () => {}, error: () => {} };
