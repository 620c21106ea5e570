import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from './problem';

/**
 * 413 for a body over `maxSize`. A declared Content-Length (what browsers send for the SDK's
 * posts) is checked from the header, and the body is then read straight from the socket by
 * `c.req.text()`; hono's `bodyLimit` would first build a full web `Request` around it, which
 * doubled the CPU cost of an answer. A chunked body, with no length declared, goes through
 * `bodyLimit`, which counts while reading.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context) => problem(c, 413, `body must be at most ${maxSize} bytes`, { connection: 'close' });
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    return Number(declared) > maxSize ? tooLarge(c) : next();
  };
}
