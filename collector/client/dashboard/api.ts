/** A request the server refused, with its readable problems. */
export class ApiError extends Error {
  name = 'ApiError';
  constructor(readonly status: number, readonly problems: string[]) {
    super(problems.join('; ') || `HTTP ${status}`);
  }
}

async function read<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, Array.isArray(body?.problems) ? body.problems : [`HTTP ${response.status}`]);
  return body as T;
}

/** GET a JSON API of this app (the session cookie goes along). */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return read<T>(await fetch(path, { headers: { accept: 'application/json' }, signal }));
}

/** POST JSON to this app: same-origin, so the app's CSRF check admits it. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return read<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }));
}
