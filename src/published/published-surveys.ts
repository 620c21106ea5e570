import type { Logger } from '../common/log';
import { parseSurveyList } from '../config/parse-options';
import type { Survey } from '../config/survey-schema';
import { refusedOriginMessage } from '../outbox/refused-origin';
import type { KeyValueStore } from '../storage/key-value-store';
import { readCopy, type PublishedCopy } from './published-copy';

export interface PublishedSurveysDeps {
  /** `options.surveysUrl`: a GET answering a JSON array of survey definitions. */
  url: string;
  /** Where the last copy is kept between page views (IndexedDB, or memory in a sandboxed frame). */
  store: KeyValueStore;
  log: Logger;
  /** @default the page's fetch */
  fetch?: typeof fetch;
  now?: () => number;
  /** A request still unanswered after this is abandoned (the last copy is used). @default 10000 */
  timeoutMs?: number;
  /** The page's origin, for the console line when the app refuses it. @default location.origin */
  origin?: string;
}

/** How long a copy is used without asking again: a change published in the app reaches the next page view within this. */
export const publishedFreshMs = 60_000;

/** At most this many definitions are read from one answer. */
const maxSurveys = 100;

/**
 * The survey definitions published at `surveysUrl`: read at most once a minute per visitor (the copy
 * and when it was read are kept in the store, shared by the visitor's tabs), with `If-None-Match`
 * from the last `ETag` (a 304 keeps the copy); when the URL cannot be read (offline, an error, not
 * JSON) the last copy; with no copy, none. A 403 (the app does not serve this site: not allowed
 * yet) also prints one console line naming the fix. Each definition is checked like an inline one:
 * a bad one is left out with a `debug` line naming it. Never rejects.
 */
export async function readPublishedSurveys(deps: PublishedSurveysDeps): Promise<Survey[]> {
  const { url, store, log } = deps;
  const now = deps.now ?? Date.now;
  const key = 'published:' + url;
  const copy = readCopy(await store.get(key).catch(() => undefined));
  let current = copy;
  const age = copy ? now() - copy.readAt : Infinity;
  if (age < 0 || age >= publishedFreshMs) {
    try {
      const read = await fetchCopy(deps, copy, now);
      // Refused: the last copy, if any, stays in use, and the next page view asks again.
      if (read === 403) log.error(refusedOriginMessage(url, deps.origin ?? globalThis.location?.origin ?? 'this page', true));
      else {
        current = read;
        await store.set(key, current).catch(() => undefined);
      }
    } catch (error) {
      log.debug(`surveysUrl ${url} could not be read (${String(error)}); ` + (copy ? 'showing the last copy' : 'no copy yet, so no published survey shows'));
    }
  }
  if (!current) return [];
  const problems: string[] = [];
  const surveys = parseSurveyList(current.surveys.slice(0, maxSurveys), 'surveysUrl', problems, problems);
  for (const problem of problems) log.debug(`published survey left out or trimmed: ${problem}`);
  return surveys;
}

/** The copy read (or confirmed by a 304), or 403 when the app refuses this site; throws on anything else that is not one. */
async function fetchCopy(deps: PublishedSurveysDeps, copy: PublishedCopy | undefined, now: () => number): Promise<PublishedCopy | 403> {
  const fetcher = deps.fetch ?? fetch;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs ?? 10_000);
  try {
    // `no-store`: the copy and its ETag live in our store; the HTTP cache would only hide a 304 from us.
    const response = await fetcher(deps.url, {
      headers: copy?.etag ? { 'if-none-match': copy.etag } : {},
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    });
    if (response.status === 304 && copy) return { ...copy, readAt: now() };
    if (response.status === 403) return 403;
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body: unknown = await response.json();
    if (!Array.isArray(body)) throw new Error('the answer is not a JSON array of survey definitions');
    return { surveys: body, readAt: now(), ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

/** Inline `surveys` win over published ones with the same `id`. */
export function mergeSurveys(inline: readonly Survey[], published: readonly Survey[]): Survey[] {
  const ids = new Set(inline.map((survey) => survey.id));
  return [...inline, ...published.filter((survey) => !ids.has(survey.id))];
}
