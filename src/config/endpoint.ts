/**
 * Endpoint rules: `https:` only, except `http://localhost` and `http://127.0.0.1` (and `[::1]`) for
 * development; no credentials in the URL (they would leak into logs and the Referer of every POST).
 * Returns a problem sentence, or undefined when the URL is acceptable.
 */
export function endpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute https URL';
  }
  if (url.username || url.password) return 'must not contain credentials (user:password@)';
  if (url.protocol === 'https:') return undefined;
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol === 'http:' && local) return undefined;
  return 'must be an https URL (http only for localhost or 127.0.0.1)';
}
