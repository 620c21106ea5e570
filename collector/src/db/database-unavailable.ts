/**
 * The one error a query throws while the database server cannot be reached (stopped, restarting,
 * the connection cut): callers answer 503 with `Retry-After`, back off and try again, instead of
 * treating it as a bug. Only the PostgreSQL adapter throws it; PGlite runs in the process.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(cause: unknown) {
    super(`the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export const isDatabaseUnavailable = (error: unknown): error is DatabaseUnavailableError => error instanceof DatabaseUnavailableError;

/** Seconds a client is asked to wait (`Retry-After`) while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket errors, and PostgreSQL's SQLSTATE class 08 (connection exception) and 57P01–57P03
// (the server shutting down, or not yet accepting connections while it starts).
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const serverCodes = new Set(['57P01', '57P02', '57P03']);
// node-postgres says these in words only (no code): a connection that died, or a pool that timed out connecting.
const lostConnection = /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection is closed/i;

/** Whether a node-postgres error means the server is away (rather than a bad statement). */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (networkCodes.has(code) || serverCodes.has(code) || code.startsWith('08'))) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  return lostConnection.test(error.message);
}
