/** Structured logging: one JSON object per line on stdout (errors on stderr). */
export interface Log {
  info(fields: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The process's log. Request lines are gathered and written once per turn of the event loop: one
 * write per line costs a system call each, and when stdout is a pipe whose reader is busy each
 * write blocks — at a thousand answers a second that was a third of the server's CPU time. Lines
 * still pending when the process exits are written then. Errors go out at once.
 */
export function createLog(write: { out: (text: string) => void; err: (text: string) => void } = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}): Log {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    write.out(text);
  };
  process.once('exit', flush);
  return {
    info(fields) {
      pending.push(JSON.stringify({ time: new Date().toISOString(), ...fields }) + '\n');
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    error: (message, fields = {}) => write.err(JSON.stringify({ time: new Date().toISOString(), level: 'error', message, ...fields }) + '\n'),
  };
}

/** Swallows everything (tests). */
export const silentLog: Log = { info: () => {}, error: () => {} };
