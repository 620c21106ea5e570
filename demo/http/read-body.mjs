/** Raised when a request body passes the limit; the app answers 413. */
export class BodyTooLargeError extends Error {
  name = 'BodyTooLargeError';
  constructor(limit) {
    super(`body is larger than ${limit} bytes`);
    this.limit = limit;
  }
}

/**
 * Reads a request body as UTF-8, refusing it as soon as it passes `limit` bytes (from the
 * Content-Length header when there is one, else while streaming), so a huge body costs nothing.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<string>}
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return reject(new BodyTooLargeError(limit));
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLargeError(limit));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
