import { checkContextValue, type ContextValueProblem } from './context-value';
import { allowedLinkKeys, reservedContextKeys, type LinkSurvey } from './link-survey';

export interface IgnoredLinkField {
  key: string;
  reason: 'not-allowed' | 'repeated' | ContextValueProblem;
}

export interface LinkContext {
  /** What goes into the answer's `context` (without `channel`). */
  context: Record<string, string>;
  /** What the link carried but the answer will not: shown in the page's debug panel. */
  ignored: IgnoredLinkField[];
}

/**
 * Keeps the query parameters a survey allows as its answer's context: only the owner's keys (plus
 * `order` for single-use surveys), values trimmed and NFC-composed, 1–64 characters of letters,
 * digits, space and `. _ - / #`. Unknown keys and bad values are dropped and listed in `ignored`;
 * the page's own parameters (`lang`, `debug`) are neither kept nor listed.
 */
export function filterLinkContext(
  params: URLSearchParams,
  survey: Pick<LinkSurvey, 'contextKeys' | 'singleUse'>,
): LinkContext {
  const allowed = new Set(allowedLinkKeys(survey));
  const context: Record<string, string> = {};
  const ignored: IgnoredLinkField[] = [];
  const seen = new Set<string>();
  for (const [key, raw] of params) {
    if ((reservedContextKeys as readonly string[]).includes(key) && key !== 'channel') continue;
    if (!allowed.has(key)) {
      ignored.push({ key, reason: 'not-allowed' });
      continue;
    }
    if (seen.has(key)) {
      ignored.push({ key, reason: 'repeated' });
      continue;
    }
    seen.add(key);
    const value = raw.normalize('NFC').trim();
    const reason = checkContextValue(value);
    if (reason) ignored.push({ key, reason });
    else context[key] = value;
  }
  return { context, ignored };
}
